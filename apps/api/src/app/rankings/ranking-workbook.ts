import ExcelJS from 'exceljs';
import type { IndicatorDto, RankingsDto } from '@scorecard/contracts';
import { neutraliseCell } from './spreadsheet-cell';

const GRADE_LABELS: Record<string, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  basic: '基本合格',
  fail: '不合格',
};

/** The month's league table as an .xlsx workbook (the bulletin's table), every text cell neutralised. */
export async function buildRankingWorkbook(ranking: RankingsDto, indicators: IndicatorDto[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Scorecard';
  const sheet = workbook.addWorksheet(`${ranking.period} ${ranking.level === 'city' ? '地市' : '区县'}`);
  sheet.columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '机构编码', key: 'code', width: 10 },
    { header: '机构名称', key: 'name', width: 16 },
    { header: '综合得分', key: 'score', width: 10, style: { numFmt: '0.00' } },
    { header: '等级', key: 'grade', width: 10 },
    { header: '名次变化', key: 'rankChange', width: 10 },
    ...indicators.map((indicator) => ({
      header: indicator.nameZh,
      key: indicator.code,
      width: 16,
      style: { numFmt: '0.00%' },
    })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of ranking.rows) {
    sheet.addRow({
      rank: row.rank ?? neutraliseCell('未报送'),
      code: neutraliseCell(row.agencyCode),
      name: neutraliseCell(row.name),
      score: row.score,
      grade: row.grade ? GRADE_LABELS[row.grade] : null,
      rankChange: row.rankChange,
      ...Object.fromEntries(indicators.map((indicator) => [indicator.code, row.indicators[indicator.code]?.rate ?? null])),
    });
  }
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
