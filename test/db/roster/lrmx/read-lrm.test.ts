// readLrm: the older quoted-text .lrm format with its .pic photo (best effort, field order assumed: see read-lrm.ts).
import { describe, expect, it } from 'vitest';
import { personToCadre } from '../../../../db/roster/lrmx/map';
import { readLrm, splitLrmFields } from '../../../../db/roster/lrmx/read-lrm';
import { fixture, isJpeg, TODAY } from './helpers';

const NOT_LRM = '不是有效的任免审批表文件（.lrm）';

describe('readLrm', () => {
  it('reads the GB18030 fixture with its .pic, and maps it without issues', () => {
    const r = readLrm(fixture('王建国.lrm'), fixture('王建国.pic'));
    if (!r.ok) return expect.unreachable(r.error);
    expect(r.warnings).toEqual([]);
    expect(r.person).toMatchObject({
      xingMing: '王建国',
      xingBie: '男',
      chuShengNianYue: '197208',
      quanRiZhiJiaoYuXueLi: '大专',
      quanRiZhiJiaoYuXueWei: '',
      zaiZhiJiaoYuXueLi: '大学',
      zaiZhiJiaoYuXueWei: '管理学学士',
      quanRiZhiJiaoYuXueLiBiYeYuanXiaoXi: '内蒙古师范大学数学专业',
      zaiZhiJiaoYuXueWeiBiYeYuanXiaoXi: '中央党校函授学院',
      xianRenZhiWu: '嘎鲁图镇党委书记',
      jiangChengQingKuang: '2020年被评为"优秀党务工作者"。',
      shenFenZheng: '150624197208113011',
      version: '2.0',
    });
    expect(r.person.jianLi.split('\n')).toHaveLength(4);
    expect(r.person.jiaTingChengYuan).toEqual([
      { chengWei: '妻子', xingMing: '刘芳', chuShengRiQi: '197410', zhengZhiMianMao: '中共党员', gongZuoDanWeiJiZhiWu: '鄂托克旗人民医院护士' },
      { chengWei: '女儿', xingMing: '王悦', chuShengRiQi: '199902', zhengZhiMianMao: '共青团员', gongZuoDanWeiJiZhiWu: '内蒙古大学学生' },
    ]);
    const mapped = personToCadre(r.person, { today: TODAY });
    expect(mapped.issues).toEqual([]);
    expect(mapped.fields).toMatchObject({ birthMonth: '1972-08', postSince: '2016-02', parttimeSchool: '中央党校函授学院经济管理专业' });
    expect(mapped.fields.annualResults).toHaveLength(3);
    expect(isJpeg(mapped.photo)).toBe(true);
  });

  it('without the .pic: no photo, a warning', () => {
    const r = readLrm(fixture('王建国.lrm'), null);
    expect(r.ok && r.person.zhaoPian).toBe('');
    expect(r.ok && r.warnings).toEqual(['没有找到同名的 .pic 照片文件']);
  });

  it('a UTF-8 copy reads the same', () => {
    const gb = readLrm(fixture('王建国.lrm'), null);
    const text = new TextDecoder('gb18030').decode(fixture('王建国.lrm'));
    expect(readLrm(Buffer.from(text, 'utf8'), null)).toEqual(gb);
  });

  it('refuses empty, junk, .lrmx, broken quotes and too few fields', () => {
    expect(readLrm(new Uint8Array(), null)).toEqual({ ok: false, error: '文件为空' });
    expect(readLrm(fixture('巴特尔.lrmx'), null)).toEqual({ ok: false, error: NOT_LRM });
    expect(readLrm(Buffer.from([0x22, 0xff, 0xfe, 0x80, 0x81]), null).ok).toBe(false);
    expect(readLrm(Buffer.from('"张三","男'), null)).toEqual({ ok: false, error: `${NOT_LRM}：引号不配对或字段之间有多余内容，文件可能已损坏` });
    expect(readLrm(Buffer.from('"张三","男","197001"'), null)).toEqual({ ok: false, error: `${NOT_LRM}：只有 3 项，至少应有 9 项` });
    expect(readLrm(Buffer.from('"","男","197001","汉族","","","","",""'), null)).toEqual({ ok: false, error: `${NOT_LRM}：“姓名”为空` });
  });

  it('a short file (nine fields) reads with warnings for the fields it lacks', () => {
    const r = readLrm(Buffer.from('"张三","男","197001","汉族","河北","199001","健康","河北","199207"'), null);
    expect(r.ok && r.warnings).toEqual(['缺少“身份证号”项', '缺少“现任职务”项', '没有找到同名的 .pic 照片文件']);
  });

  it('splits quoted fields with doubled quotes, newlines and unquoted fields', () => {
    expect(splitLrmFields('"a""b", "c\nd" ,e,""')).toEqual(['a"b', 'c\nd', 'e', '']);
    expect(splitLrmFields('"a" x "b"')).toBeNull();
  });
});
