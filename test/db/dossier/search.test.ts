// Full-text search across dossiers: 1-, 2- and longer Chinese strings, attachment names, highlighted parts.
import { describe, expect, test } from 'vitest';
import { newHostWithStore } from '../../helpers/host';
import { loginAs } from '../../helpers/roster';
import { addEntry, dossierCadre, pickAttachment, samplePng } from '../../helpers/dossier';
import { excerptAround, highlightParts } from '../../../shared/dossier/highlight';
import type { TextPart } from '../../../shared/dossier/types';

const marked = (parts: readonly TextPart[]) => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

test('highlighting marks every occurrence and cuts long text around the first', () => {
  expect(marked(highlightParts('优秀学员，再获优秀', '优秀'))).toBe('[优秀]学员，再获[优秀]');
  expect(marked(highlightParts('ABC abc', 'abc'))).toBe('[ABC] [abc]');
  expect(marked(excerptAround(`${'甲'.repeat(100)}王五${'乙'.repeat(100)}`, '王五', 20))).toBe(
    `…${'甲'.repeat(9)}[王五]${'乙'.repeat(9)}…`,
  );
});

// Every save is first searched from the entries themselves, then from the indexes once they catch up (migration 24):
// the answers must be the same either way.
describe.each([
  ['just saved, the indexes not caught up', false],
  ['after the indexes caught up', true],
])('%s', (_, caughtUp) => {
  test('search finds 1-, 2- and longer strings in titles, contents and attachment names, with the cadre and section', async () => {
    const h = await newHostWithStore();
    const a = await dossierCadre(h, '巴特尔');
    const b = await dossierCadre(h, '李秀梅', '旗委组织部');
    const e1 = await addEntry(h, a, {
      title: '春季中青班优秀学员',
      content: '与王五同班学习，成绩优秀。',
      date: '2025-03-20',
    });
    const e2 = await addEntry(h, b, {
      title: '提醒谈话',
      content: '因工作作风问题被提醒谈话，完成率 50%。',
      subItemCode: 'S6.1',
      polarity: 'negative',
      listItemCode: 'N4',
      standardCodes: ['D5.1'],
      date: '2025-05-06',
    });
    await h.ok('attachments.add', { entryId: e2.id, token: await pickAttachment(h, '谈话记录表.png', samplePng()) });
    await loginAs(h, 'reviewer');
    const search = async (text: string) => {
      if (caughtUp) await h.host.catchUpSearch();
      return (await h.ok('dossier.search', { text })).hits;
    };

    const three = await search('优秀学员');
    expect(three.map((x) => [x.entryId, x.cadreName, x.unitName, x.section.name, marked(x.title)])).toEqual([
      [e1.id, '巴特尔', '阿尔巴斯苏木', '教育培训', '春季中青班[优秀学员]'],
    ]);
    const two = await search('王五');
    expect(two.map((x) => [x.entryId, marked(x.excerpt)])).toEqual([[e1.id, '与[王五]同班学习，成绩优秀。']]);
    expect((await search('谈话')).map((x) => x.entryId)).toEqual([e2.id]);
    expect((await search('优')).map((x) => x.entryId)).toEqual([e1.id]);
    // Newest first when both match.
    expect((await search('学')).map((x) => x.entryId)).toEqual([e1.id]);
    expect((await search('。')).map((x) => x.entryId)).toEqual([e2.id, e1.id]);
    // Attachment names are searched too; the excerpt says where it was found.
    const byFile = await search('记录表');
    expect(byFile.map((x) => [x.entryId, marked(x.excerpt)])).toEqual([[e2.id, '附件：谈话[记录表].png']]);
    expect((await search('记录')).map((x) => marked(x.excerpt))).toEqual(['附件：谈话[记录]表.png']);
    expect((await search('PN')).map((x) => x.entryId)).toEqual([e2.id]); // case-insensitive, in the file name
    // The user's text is literal: % and _ are not wildcards.
    expect((await search('50%')).map((x) => x.entryId)).toEqual([e2.id]);
    expect(await search('5_')).toEqual([]);
    expect(await search('%')).toHaveLength(1);
    expect(await search('"引号"')).toEqual([]);
    expect(await search('不存在的内容')).toEqual([]);
    // Edits and deletions show at once.
    await loginAs(h, 'dossierClerk');
    await h.ok('entries.update', {
      id: e1.id,
      version: 1,
      input: {
        cadreId: a,
        date: '2025-03-20',
        subItemCode: 'S2.2',
        channelCode: 'CH09',
        title: '春季中青班结业',
        content: '成绩合格。',
        polarity: 'neutral',
        standardCodes: [],
        listItemCode: null,
      },
    });
    expect(await search('优秀学员')).toEqual([]);
    await h.ok('entries.delete', { id: e2.id, version: 1 });
    expect(await search('谈话')).toEqual([]);
    expect(await h.err('dossier.search', { text: '  ' })).toMatchObject({
      code: 'VALIDATION',
      field: 'text',
      message: '请输入要检索的文字',
    });
  });
});
