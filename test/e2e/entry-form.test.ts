// End to end at 1366×768: the dossier entry form asks before discarding typed text (Esc, ×, a click outside) and
// closes at once when untouched; its 保存 stays in view; several attachments chosen in the form are saved with the
// entry (a bad one is named and nothing is saved); the portrait's 统计期 and its 综合评价 drafted from S3.5 + profile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from './harness/app';
import { previewDrawn, SCREENSHOT_DIR, settledScreenshot } from './harness/browser';
import { clickSettled } from './harness/settled-click';
import { cadreInput, tinyPng } from '../helpers/roster';
import { samplePdf } from '../helpers/dossier';
import { localToday } from '../../shared/dossier/quarter';
import type { Dossier } from '../../shared/dossier/types';

let app: TestApp;
let page: Page;
let cadreId = 0;

const must = <T>(name: string, input: unknown): Promise<T> => app.must<T>(name, input);
const today = localToday();
const year = Number(today.slice(0, 4));
const entries = async () => (await must<Dossier>('dossier.get', { cadreId })).entries;
const entryForm = () => page.getByTestId('entry-form');
// The test id sits on the dialog's root, which has no box of its own: the title field shows whether the form is open.
const formShown = () => entryForm().getByTestId('entry-title').isVisible();
const discardQuestion = () => page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的内容？' });
/** Answers 继续填写 (clicked once the question has stopped zooming in) and waits for the question to go. */
async function keepTyping() {
  await clickSettled(page.getByRole('button', { name: '继续填写' }));
  await discardQuestion().waitFor({ state: 'hidden' });
}
const file = (name: string, bytes: Buffer) => {
  const path = join(app.work, name);
  writeFileSync(path, bytes);
  return path;
};

/** The window as the user sees it at 1366×768 (a full-page shot would grow the window and move the dialog). */
async function viewportScreenshot(name: string) {
  await page.mouse.move(1, 1);
  await expect
    .poll(() => page.locator('.ant-message-notice:not(.ant-message-fade-leave)').count(), { timeout: 15_000 })
    .toBe(0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

async function choose(scope: ReturnType<Page['locator']>, testId: string, search: string, option: string | RegExp) {
  await scope.getByTestId(testId).click();
  await page.keyboard.type(search);
  await clickSettled(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first());
}

const positive = (date: string, title: string) => ({
  cadreId,
  date,
  subItemCode: 'S2.2',
  channelCode: 'CH09',
  title,
  content: '',
  polarity: 'positive',
  standardCodes: ['D4.2'],
  listItemCode: 'P3', // +3 to 政治定力 and 政治能力
});

beforeAll(async () => {
  app = await startTestApp('ganbu-e2e-entry-form-');
  const unit = await must<{ id: number }>('units.save', { name: '乌兰镇', categoryCode: 'C1', sort: 1 });
  // 任职时间 2019-05; profile 主要特点 政治坚定，扎根基层 / 存在不足 理论学习有待加强 / 熟悉领域 基层党建、农牧业.
  cadreId = (
    await must<{ id: number }>('cadres.create', { input: cadreInput(unit.id, { name: '朝鲁', idNumber: '' }) })
  ).id;
  for (const [date, title] of [
    [today, '本年度优秀学员'],
    [`${year - 1}-06-15`, '去年优秀学员'],
    [`${year - 5}-06-15`, '五年前优秀学员'],
  ] as const) {
    await must('entries.create', { input: positive(date, title) });
  }
  await must('entries.create', {
    input: {
      cadreId,
      date: `${year - 1}-11-20`,
      subItemCode: 'S3.5',
      channelCode: 'CH01',
      title: '换届考察整体性评价',
      content: '能力特点：统筹协调能力强；性格不足：有时急于求成；熟悉领域：乡村振兴',
      polarity: 'neutral',
      standardCodes: [],
      listItemCode: null,
    },
  });
  page = await app.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByText('朝鲁').first().click();
  await page.getByTestId('open-dossier').click();
  await page.getByText('换届考察整体性评价').first().waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('the dossier entry form', () => {
  test('an untouched form closes at once; typed text is kept unless the user agrees to discard it (Esc, ×, outside)', async () => {
    const before = (await entries()).length;
    await page.getByRole('button', { name: /新增材料/ }).click();
    await entryForm().getByTestId('entry-title').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => formShown()).toBe(false);
    expect(await discardQuestion().isVisible()).toBe(false);

    await page.getByRole('button', { name: /新增材料/ }).click();
    await entryForm().getByTestId('entry-title').fill('乡村振兴专题调研');
    await page.keyboard.press('Escape');
    await discardQuestion().waitFor();
    await keepTyping();
    expect(await entryForm().getByTestId('entry-title').inputValue()).toBe('乡村振兴专题调研');

    await page.mouse.click(40, 400); // outside the dialog
    await discardQuestion().waitFor();
    await keepTyping();
    expect(await formShown()).toBe(true);

    await clickSettled(entryForm().locator('.ant-modal-close'));
    await discardQuestion().waitFor();
    await viewportScreenshot('b-entry-form-discard-question');
    await clickSettled(page.getByTestId('discard-confirm'));
    await expect.poll(() => formShown()).toBe(false);
    expect((await entries()).length).toBe(before);
  });

  test('保存 is in view at 1366×768; several files chosen in the form are saved with the entry, a bad one is named first', async () => {
    await page.getByRole('button', { name: /新增材料/ }).click();
    const form = entryForm();
    await choose(form, 'entry-subitem', 'S2.2', 'S2.2');
    await choose(form, 'entry-channel', '培训', '培训机构');
    await form.getByTestId('entry-title').fill('秋季中青班结业');
    await form.getByTestId('entry-content').fill('参加县委党校秋季中青年干部培训班，按期结业。');
    expect(await form.getByTestId('entry-listitem-hint').innerText()).toBe(
      '中性材料不对应清单事项，不计入政治画像的指数和等次，只计入材料条数',
    );
    await form.getByText('正面', { exact: true }).click();
    expect(await form.getByTestId('entry-listitem-hint').innerText()).toBe(
      '只列出与性质一致的清单事项；不选清单事项的材料不计入政治画像的指数和等次，只计入材料条数',
    );

    app.dialogs.answerOpen(
      file('结业证书.png', tinyPng()),
      file('培训通知.pdf', samplePdf()),
      file('学员名单.pdf', Buffer.from('这不是PDF')),
    );
    await clickSettled(form.getByTestId('entry-pick-attachments'));
    const picked = form.getByTestId('entry-picked-attachments');
    await picked.getByText('学员名单.pdf').waitFor();
    expect(app.dialogs.requests.at(-1)).toMatchObject({ kind: 'open', multiple: true });

    const save = form.getByRole('button', { name: /保\s?存/ });
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await viewportScreenshot('b-entry-form-1366x768');

    const before = (await entries()).length;
    await save.click();
    await form
      .getByTestId('entry-attachment-error')
      .getByText(/学员名单\.pdf/)
      .waitFor();
    expect((await entries()).length).toBe(before);

    await picked.getByRole('button', { name: '移除学员名单.pdf' }).click();
    await save.click();
    await page.getByText('材料已添加，2 个附件已保存').waitFor();
    await expect.poll(() => formShown()).toBe(false);
    const saved = (await entries()).find((e) => e.title === '秋季中青班结业')!;
    expect(saved.attachments.map((a) => a.fileName)).toEqual(['结业证书.png', '培训通知.pdf']);
  });
});

describe('the cadre form (the same dialog)', () => {
  test('typed text in 新增干部 asks before it is discarded; 继续填写 keeps it; 保存 is in view at 1366×768', async () => {
    await page.locator('.ant-menu-item', { hasText: '干部名册' }).click();
    await page.getByRole('button', { name: /新增干部/ }).click();
    const form = page.getByTestId('cadre-form');
    const name = form.locator('input#name');
    await name.fill('其木格');
    await page.keyboard.press('Escape');
    await discardQuestion().waitFor();
    await keepTyping();
    expect(await name.inputValue()).toBe('其木格');
    const save = form.getByRole('button', { name: /保\s?存/ });
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await viewportScreenshot('b-cadre-form-1366x768');
    await clickSettled(form.locator('.ant-modal-close'));
    await clickSettled(page.getByTestId('discard-confirm'));
    await expect.poll(() => name.isVisible()).toBe(false);
    // Back to the cadre's dossier for the portrait.
    await page.getByText('朝鲁').first().click();
    await page.getByTestId('open-dossier').click();
    await page.getByText('换届考察整体性评价').first().waitFor();
  });
});

describe('the portrait', () => {
  test('the 统计期 selector changes which entries count; 综合评价 starts from the latest S3.5 entry and the profile', async () => {
    await page.getByTestId('dossier-mode').getByText('政治画像').click();
    const d4 = () => page.getByTestId('portrait-index-D4').innerText();
    await expect.poll(d4).toBe('86'); // 近三年: this year's and last year's
    const period = page.getByTestId('portrait-period');
    await period.getByText('本年度').click();
    await expect.poll(d4).toBe('83');
    await period.getByText('任现职以来').click();
    await expect.poll(d4).toBe('89'); // in post since 2019-05: the one five years ago counts too
    await page.getByText(/任现职以来：2019-05-01 至/).waitFor();

    const box = page.getByTestId('portrait-evaluation');
    expect(await box.getByTestId('evaluation-abilities').inputValue()).toBe('统筹协调能力强\n政治坚定，扎根基层');
    expect(await box.getByTestId('evaluation-familiarFields').inputValue()).toBe('乡村振兴\n基层党建、农牧业');
    expect(await box.getByTestId('evaluation-current').innerText()).toContain('换届考察整体性评价');
    await page.getByTestId('portrait-period').scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'b-portrait-period');
  });
});

describe('the printed dossier', () => {
  test('its 四、综合评价 shows the same draft as the portrait page, said to be unsaved', async () => {
    await page.getByTestId('dossier-mode').getByText('档案材料').click();
    await page.getByTestId('print-dossier').click();
    const preview = page.getByRole('dialog').last().getByTestId('print-preview');
    await previewDrawn(preview);
    // The preview draws the pages near the scroll position: bring the last one into view.
    await preview.locator('.print-page').last().scrollIntoViewIfNeeded();
    const evaluationPage = preview.locator('.print-page', { hasText: '尚未保存' });
    await evaluationPage.waitFor();
    const text = await evaluationPage.innerText();
    expect(text).toContain(
      '（根据' +
        `${year - 1}-11-20 整体性评价意见“换届考察整体性评价”和干部信息中的熟悉领域、主要特点、存在不足生成，尚未保存）`,
    );
    expect(text).toContain('基层党建、农牧业'); // the profile's 熟悉领域 after the S3.5 entry's
    await evaluationPage.screenshot({ path: join(SCREENSHOT_DIR, 'b-print-dossier-evaluation-draft.png') });
  });
});
