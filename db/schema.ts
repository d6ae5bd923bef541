// The Kysely view of the store's tables.
import type { Generated } from 'kysely';
import type { Role } from '../shared/roles';
import type { EntryOrigin } from '../shared/dossier/types';
import type { BallotSource } from '../shared/assessment/ballot-import';
import type { FormVoidReason } from '../shared/assessment/form-void-reasons';

export interface StoreMetaTable {
  key: string;
  value: string;
}
export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** The account's current Ed25519 public key (base64 SPKI DER); null until it is made (creation or next login). */
  signing_key: string | null;
}

export interface AuditLogTable {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  target: string;
  detail: string;
  prev_hash: string;
  hash: string;
  /** Ed25519 signature of `hash` by the acting user's key (base64); null for entries with no user or from before signing. */
  signature: string | null;
}

interface CatalogRow {
  code: string;
  name: string;
  sort: number;
  retired: Generated<number>;
}
export interface CatalogSubItemsTable extends CatalogRow {
  section_code: string;
}
export interface CatalogStandardsTable extends CatalogRow {
  dimension_code: string;
}
export interface CatalogDimensionsTable {
  code: string;
  name: string;
  sort: number;
}
export interface CatalogListItemsTable extends CatalogRow {
  polarity: 'positive' | 'negative';
  dimensions: string; // JSON array of dimension codes
  points: number;
  veto: number;
}
export interface CatalogIndicatorsTable extends CatalogRow {
  position: 'chief' | 'deputy';
  weight: number;
}

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  category_code: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface CadresTable {
  id: Generated<number>;
  name: string;
  gender: '男' | '女';
  ethnicity: string;
  birth_month: string;
  native_place: string;
  birth_place: string;
  party_join: string;
  work_start: string;
  health: string;
  tech_title: string;
  expertise: string;
  fulltime_education: string;
  fulltime_degree: string;
  fulltime_school: string;
  parttime_education: string;
  parttime_degree: string;
  parttime_school: string;
  current_post: string;
  post_since: string;
  rank: string;
  unit_id: number;
  position: 'chief' | 'deputy';
  resume: string;
  rewards: string;
  id_number: string;
  familiar_fields: string;
  traits: string;
  shortcomings: string;
  status: string;
  annual_results_note: Generated<string>;
  highest_education: string;
  search_text: string;
  pinyin_keys: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CadreAnnualResultsTable {
  cadre_id: number;
  year: number;
  result: string;
}
export interface CadreFamilyTable {
  id: Generated<number>;
  cadre_id: number;
  sort: number;
  relation: string;
  name: string;
  birth_month: string;
  political_status: string;
  work_unit_post: string;
}
export interface CadrePhotosTable {
  cadre_id: number;
  mime: string;
  data: Buffer;
}

export type EntryPolarity = 'positive' | 'negative' | 'neutral';
export type TrainingResult = 'excellent' | 'qualified' | 'retake';
export type PortraitGrade = '好' | '较好' | '一般' | '较差';

export interface TrainingClassesTable {
  id: Generated<number>;
  name: string;
  start_date: string;
  end_date: string;
  hours: number;
  organizer: string;
  created_by: number;
  created_at: string;
  updated_at: string;
}
export interface TrainingRecordsTable {
  id: Generated<number>;
  class_id: number;
  cadre_id: number;
  hours: number;
  result: TrainingResult;
  updated_by: number;
  updated_at: string;
}
export interface DossierEntriesTable {
  id: Generated<number>;
  cadre_id: number;
  date: string;
  quarter: string;
  section_code: string;
  sub_item_code: string;
  channel_code: string;
  title: string;
  content: string;
  polarity: EntryPolarity;
  list_item_code: string | null;
  origin: EntryOrigin;
  auto_key: string | null;
  batch_id: string | null;
  entered_by: number;
  entered_at: string;
  verified_by: number | null;
  verified_at: string | null;
  version: Generated<number>;
  updated_at: string;
}
export interface DossierEntryStandardsTable {
  entry_id: number;
  standard_code: string;
}
export interface DossierEntrySourcesTable {
  entry_id: number;
  record_id: number;
}
/** Entries whose search-index rows are behind (migration 24): indexed in idle time by db/dossier/search-index.ts. */
export interface DossierSearchStaleTable {
  entry_id: number;
}

export interface DossierAttachmentsTable {
  id: Generated<number>;
  entry_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  added_by: number;
  added_at: string;
}
export interface HolisticEvaluationsTable {
  id: Generated<number>;
  cadre_id: number;
  abilities: string;
  shortcomings: string;
  familiar_fields: string;
  written_by: number;
  written_at: string;
}
export interface PortraitConfirmationsTable {
  id: Generated<number>;
  cadre_id: number;
  computed_grade: PortraitGrade;
  confirmed_grade: PortraitGrade;
  reason: string;
  confirmed_by: number;
  confirmed_at: string;
}
export interface AssessmentsTable {
  id: Generated<number>;
  name: string;
  year: number;
  state: 'preparing' | 'collecting' | 'summarized' | 'archived';
  config: string;
  scope: string;
  version: Generated<number>;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  summarized_result: string | null;
  archived_at: string | null;
  digest: string | null;
  archived_result: string | null;
}
export interface AssessmentMembersTable {
  assessment_id: number;
  cadre_id: number;
  name: string;
  position: 'chief' | 'deputy';
  unit_id: number;
  unit_name: string;
  category_code: string;
  category_name: string;
}
interface Entered {
  entered_by: string;
  entered_at: string;
}
export interface AssessmentSuperiorBallotsTable extends Entered {
  id: Generated<number>;
  assessment_id: number;
  rater_label: string;
  group_ref: string;
  sort_order: string;
  paper_no: string | null;
  /** 1 for a ballot from the kiosk (评议终端): listed without its rater. */
  anonymous: Generated<number>;
  /** Where the ballot came from (migration 10); every write states it. */
  source: BallotSource;
}
export interface AssessmentPeerBallotsTable extends Entered {
  id: Generated<number>;
  assessment_id: number;
  /** Null on a 评议终端 ballot: it keeps no rater (migration 11). */
  rater_cadre_id: number | null;
  target_cadre_id: number;
  scores: string;
  paper_no: string | null;
  anonymous: Generated<number>;
  source: BallotSource;
}
/** One tally per cadre and source: a kiosk tally is never overwritten by a clerk's totals or an import. */
export interface AssessmentStaffCountsTable extends Entered {
  assessment_id: number;
  target_cadre_id: number;
  source: BallotSource;
  excellent: number;
  good: number;
  fair: number;
  poor: number;
  paper_no: string | null;
}
export interface AssessmentServiceBallotsTable extends Entered {
  id: Generated<number>;
  assessment_id: number;
  target_cadre_id: number;
  score: number;
  paper_no: string | null;
  source: BallotSource;
}
export interface AssessmentAdjustmentsTable extends Entered {
  id: Generated<number>;
  assessment_id: number;
  target_cadre_id: number;
  points: number;
  date: string;
  reason: string;
  dossier_entry_id: number | null;
}
export interface AssessmentVetoesTable extends Entered {
  id: Generated<number>;
  assessment_id: number;
  target_cadre_id: number;
  reason: string;
  source: 'manual';
  /** The dossier entry a veto was adopted from (migration 5); null when entered by hand. */
  dossier_entry_id: number | null;
}
/** 不得评为优秀 (migration 15): at most one entry per cadre and assessment. */
export interface AssessmentIneligibleTable extends Entered {
  id: Generated<number>;
  assessment_id: number;
  target_cadre_id: number;
  reason: string;
  /** The dossier entry an item adopted from a proposal came from; null when entered by hand (migration 15). */
  dossier_entry_id: number | null;
}
/** The clerk's count of paper forms per group and rater kind (migration 16); null = not counted. */
export interface AssessmentParticipationSheetsTable {
  assessment_id: number;
  group_ref: string;
  kind: 'superior' | 'peer' | 'staff' | 'service';
  expected: number | null;
  received: number | null;
  invalid: number | null;
  abstained: number | null;
  entered_by: string;
  entered_at: string;
}
/** Staff or service forms voided as a whole, counted per group, kind, reason and source (migration 17). */
export interface AssessmentVoidFormsTable {
  assessment_id: number;
  group_ref: string;
  kind: 'staff' | 'service';
  reason: FormVoidReason;
  source: 'paper' | 'excel' | 'manual';
  count: number;
}
/** 意见建议 per cadre: the text and how many forms carried it; nothing links it to a code, form or time (migration 17). */
export interface AssessmentCommentsTable {
  assessment_id: number;
  target_cadre_id: number;
  text: string;
  source: 'kiosk' | 'paper' | 'excel';
  count: number;
}
export interface AssessmentGradeConfirmationsTable extends Entered {
  assessment_id: number;
  target_cadre_id: number;
  grade: 'excellent' | 'competent' | 'basicallyCompetent' | 'incompetent';
  reason: string;
}

export interface AssessmentPanelCodesTable {
  id: Generated<number>;
  assessment_id: number;
  kind: 'superior' | 'peer' | 'staff';
  group_ref: string;
  seat_no: number;
  rater_cadre_id: number | null;
  code_hash: string;
  state: 'unused' | 'used' | 'revoked';
  created_by: string;
  created_at: string;
}
export interface AssessmentPapersTable {
  assessment_id: number;
  paper_no: string;
  kind: 'superior' | 'peer';
  state: 'pending' | 'matched' | 'mismatch' | 'resolved';
  resolved_entry: 1 | 2 | null;
  resolved_by: string | null;
  resolved_at: string | null;
}
export interface AssessmentPaperEntriesTable extends Entered {
  id: Generated<number>;
  assessment_id: number;
  paper_no: string;
  entry_no: 1 | 2;
  content: string;
  user_id: number;
}
export interface PrintRegisterTable {
  id: Generated<number>;
  doc_kind: 'dossier' | 'rankings' | 'packet' | 'panel' | 'review';
  doc_key: string;
  doc_title: string;
  serial: number;
  recipient: string;
  file_name: string;
  printed_by: string;
  printed_by_name: string;
  printed_at: string;
  returned_by: string | null;
  returned_at: string | null;
}

/** “本季度无此类材料（经核查）”: a cadre's section counted as complete for a quarter. */
/** A dossier entry proposed as a 加减分 that staff dismissed for one assessment (migration 16). */
export interface AssessmentDismissedProposalsTable {
  assessment_id: number;
  dossier_entry_id: number;
  entered_by: string;
  entered_at: string;
}

export interface QuarterAttestationsTable {
  id: Generated<number>;
  quarter: string;
  section_code: string;
  cadre_id: number;
  note: string;
  attested_by: string;
  attested_at: string;
}

/** A generated 填报表 (migration 18). */
export interface IntakePackagesTable {
  id: Generated<number>;
  serial: string;
  /** Null for a channel's package (migration 21). */
  unit_id: number | null;
  channel: 'discipline' | 'inspection' | 'training' | 'honor' | null;
  quarter: string;
  deadline: string;
  return_to: string;
  created_by: number;
  created_at: string;
}
export interface IntakeRowsTable {
  id: Generated<number>;
  package_id: number;
  row_no: number;
  status: 'pending' | 'accepted' | 'returned';
  cadre_id: number;
  date: string;
  sub_item_code: string;
  channel_code: string;
  polarity: 'positive' | 'negative' | 'neutral';
  standard_codes: string;
  list_item_code: string | null;
  title: string;
  content: string;
  fingerprint: string;
  entry_id: number | null;
  return_reason: string | null;
  imported_at: string;
  decided_by: number | null;
  decided_at: string | null;
  /** A 党校 row's training result as JSON (migration 21). */
  training: string | null;
  training_record_id: number | null;
}
export interface IntakeAttachmentsTable {
  id: Generated<number>;
  row_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
}

/** The sections required in a quarter (none stored: every live section). */
export interface QuarterRequiredSectionsTable {
  quarter: string;
  section_code: string;
}

/** 政治素质审查意见: a signed 审查结论 of a cadre (migration 23), append-only. */
export interface PoliticalReviewsTable {
  id: Generated<number>;
  cadre_id: number;
  conclusion: 'good' | 'verify' | 'notForPromotion';
  reasons: string;
  reviewer: string;
  rechecker: string;
  review_date: string;
  period_key: 'year' | 'threeYears' | 'sincePost';
  period_from: string;
  period_to: string;
  written_by: string;
  written_at: string;
}

/** 任免事项: one dated occasion a cadre is proposed for; the 任免审批表 and the .lrmx export read the latest. */
export interface AppointmentMattersTable {
  id: Generated<number>;
  cadre_id: number;
  matter_date: string;
  proposed_post: string;
  proposed_removal: string;
  reason: string;
  reporting_unit: string;
  age_at: string;
  filled_by: string;
  created_by: string;
  created_at: string;
}

export interface TerminalPackagesTable {
  id: Generated<number>;
  assessment_id: number;
  package_id: string;
  terminal_no: number;
  groups: string;
  package_key: string;
  code_salt: string;
  code_cost: string;
  digest: string;
  seats: number;
  exported_by: string;
  exported_on: string;
  returned_on: string | null;
  return_digest: string | null;
  ballots_returned: Generated<number>;
  merged: Generated<number>;
  refused: Generated<string>;
  /** 作废终端包: the day, who, and why (migration 22); a cancelled package is no longer out. */
  cancelled_on: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}
export interface TerminalPackageSeatsTable {
  package_id: number;
  code_id: number;
  lookup: string;
  used: Generated<number>;
}
export interface TerminalSetAsideTable {
  id: Generated<number>;
  package_id: number;
  code_id: number;
  group_ref: string;
  ballot: string;
}
export interface TerminalConflictsTable {
  id: Generated<number>;
  assessment_id: number;
  code_id: number | null;
  kind: 'superior' | 'peer' | 'staff';
  group_ref: string;
  main_kiosk: Generated<number>;
  state: Generated<'open' | 'adopted' | 'voided'>;
  outcome: string | null;
  resolved_by: string | null;
  resolved_on: string | null;
}
export interface TerminalConflictSidesTable {
  conflict_id: number;
  package_id: number;
}

export interface Database {
  terminal_packages: TerminalPackagesTable;
  terminal_package_seats: TerminalPackageSeatsTable;
  terminal_set_aside: TerminalSetAsideTable;
  terminal_conflicts: TerminalConflictsTable;
  terminal_conflict_sides: TerminalConflictSidesTable;
  units: UnitsTable;
  cadres: CadresTable;
  cadre_annual_results: CadreAnnualResultsTable;
  cadre_family: CadreFamilyTable;
  cadre_photos: CadrePhotosTable;
  store_meta: StoreMetaTable;
  settings: SettingsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  catalog_sections: CatalogRow;
  catalog_sub_items: CatalogSubItemsTable;
  catalog_channels: CatalogRow;
  catalog_dimensions: CatalogDimensionsTable;
  catalog_standards: CatalogStandardsTable;
  catalog_list_items: CatalogListItemsTable;
  catalog_categories: CatalogRow;
  catalog_indicators: CatalogIndicatorsTable;
  training_classes: TrainingClassesTable;
  training_records: TrainingRecordsTable;
  dossier_entries: DossierEntriesTable;
  dossier_entry_standards: DossierEntryStandardsTable;
  dossier_entry_sources: DossierEntrySourcesTable;
  dossier_attachments: DossierAttachmentsTable;
  dossier_search_stale: DossierSearchStaleTable;
  holistic_evaluations: HolisticEvaluationsTable;
  portrait_confirmations: PortraitConfirmationsTable;
  assessments: AssessmentsTable;
  assessment_members: AssessmentMembersTable;
  assessment_superior_ballots: AssessmentSuperiorBallotsTable;
  assessment_peer_ballots: AssessmentPeerBallotsTable;
  assessment_staff_counts: AssessmentStaffCountsTable;
  assessment_service_ballots: AssessmentServiceBallotsTable;
  assessment_adjustments: AssessmentAdjustmentsTable;
  assessment_vetoes: AssessmentVetoesTable;
  assessment_ineligible: AssessmentIneligibleTable;
  assessment_participation_sheets: AssessmentParticipationSheetsTable;
  assessment_void_forms: AssessmentVoidFormsTable;
  assessment_comments: AssessmentCommentsTable;
  assessment_grade_confirmations: AssessmentGradeConfirmationsTable;
  assessment_panel_codes: AssessmentPanelCodesTable;
  assessment_papers: AssessmentPapersTable;
  assessment_paper_entries: AssessmentPaperEntriesTable;
  print_register: PrintRegisterTable;
  quarter_attestations: QuarterAttestationsTable;
  appointment_matters: AppointmentMattersTable;
  quarter_required_sections: QuarterRequiredSectionsTable;
  political_reviews: PoliticalReviewsTable;
  assessment_dismissed_proposals: AssessmentDismissedProposalsTable;
  /** 不得评优 proposals dismissed (忽略), per assessment (migration 15); same shape as the 加减分 ones. */
  assessment_dismissed_ineligible: AssessmentDismissedProposalsTable;
  intake_packages: IntakePackagesTable;
  intake_rows: IntakeRowsTable;
  intake_attachments: IntakeAttachmentsTable;
}
