// 评议终端包交接单: one A4 page the clerk who exports a package and the clerk who carries it to a laptop both sign. It
// names the package by its digest (checked against the file on the laptop if in doubt), the terminal, the groups it
// covers and the password; no 份号 or register (the password is kept nowhere else).
import type { HandoverJobView } from '../../../shared/print/types';
import './print.css';

/** The digest in groups of eight, so it can be read aloud and compared. */
const grouped = (hex: string) => hex.match(/.{1,8}/g)?.join(' ') ?? hex;

export function HandoverDocument({ job }: { job: HandoverJobView }) {
  const rows: [string, string][] = [
    ['考核', `${job.assessmentName}（${job.year} 年度）`],
    ['终端编号', `终端 ${job.terminalNo}`],
    ['包含分组', job.groups.join('、')],
    ['评议席位', `${job.seats} 个`],
    ['文件摘要（SHA-256）', grouped(job.digest)],
    ['导出日期', job.exportedOn],
    ['导出人', job.exportedBy],
  ];
  return (
    <div className="print-doc">
      <section className="print-page handover-page" data-page={1}>
        <h1 className="handover-title">评议终端包交接单</h1>
        <table className="handover-table">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td className={label.startsWith('文件摘要') ? 'handover-digest' : undefined}>{value}</td>
              </tr>
            ))}
            <tr>
              <th>评议终端包密码</th>
              <td className="handover-password" data-testid="handover-password">
                {job.password}
              </td>
            </tr>
          </tbody>
        </table>
        <p className="handover-note">
          密码只在导出时显示一次，系统不保存。本单由终端负责人妥善保管，不得与评议终端包文件放在一起；评议结束后，
          回收文件与本单一并交回考核录入员。
        </p>
        <table className="handover-sign">
          <tbody>
            <tr>
              <th>移交人（签字）</th>
              <td />
              <th>日期</th>
              <td />
            </tr>
            <tr>
              <th>接收人（签字）</th>
              <td />
              <th>日期</th>
              <td />
            </tr>
            <tr>
              <th>回收交回人（签字）</th>
              <td />
              <th>日期</th>
              <td />
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}
