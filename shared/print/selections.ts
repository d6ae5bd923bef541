// 审议材料 selections kept in the store: the user's last one, and named ones (“12月部务会”) to print again.

export const MAX_SELECTION_NAME = 30;

export interface PacketSelectionCadre {
  readonly id: number;
  readonly name: string;
  readonly unitName: string;
  readonly currentPost: string;
}

export interface PacketSelection {
  /** null: the user's last selection. */
  readonly name: string | null;
  readonly title: string;
  /** In discussion order; cadres removed from the roster since are left out. */
  readonly cadres: readonly PacketSelectionCadre[];
  /** Assessments whose 排名表 open the packet (ones deleted since are left out). */
  readonly assessmentIds: readonly number[];
  readonly savedBy: string;
  readonly savedAt: string;
}

export interface PacketSelections {
  readonly last: PacketSelection | null;
  /** By name. */
  readonly named: readonly PacketSelection[];
}
