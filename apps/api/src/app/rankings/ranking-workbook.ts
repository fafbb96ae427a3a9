import ExcelJS from 'exceljs';
import type { IndicatorDto, RankingRowDto, RankingsDto } from '@scorecard/contracts';
import { neutraliseCell } from './spreadsheet-cell';

const GRADE_LABELS: Record<string, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  basic: '基本合格',
  fail: '不合格',
};

/** A reported agency whose indicators were all not applicable (0/0) has no score: it is not 未报送. */
const NOT_REPORTED = '未报送';
const NOTHING_APPLICABLE = '指标均不适用';
const NOT_APPLICABLE = '不适用';

export interface RankingWorkbookInput {
  ranking: RankingsDto;
  indicators: IndicatorDto[];
  /** The issuing body ("浙江省医疗保障服务中心"). */
  issuer: string;
  /** The region the bulletin covers ("浙江省"). */
  region: string;
  /** The name of a row's parent agency (所属地市 of a county). */
  parentName: (code: string | null) => string | null;
}

/** A day as people in the province read it (Asia/Shanghai), YYYY-MM-DD. */
function shanghaiDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

const QUARTERS = ['一', '二', '三', '四'];

/**
 * The bulletin's title: "2026年10月 浙江省医保经办机构对标评价通报"; for a window "2026年第三季度 …",
 * "2026年上半年 …" or "2026年度 …".
 */
export function bulletinTitle(period: string, region: string): string {
  const [year, part] = period.split('-');
  const when =
    part === undefined
      ? `${year}年度`
      : part.startsWith('Q')
        ? `${year}年第${QUARTERS[Number(part.slice(1)) - 1]}季度`
        : part.startsWith('H')
          ? `${year}年${part === 'H1' ? '上' : '下'}半年`
          : `${year}年${Number(part)}月`;
  return `${when} ${region}医保经办机构对标评价通报`;
}

/** "7月、8月" — months of a window as people name them. */
function monthNames(months: string[]): string {
  return months.map((month) => `${Number(month.slice(5, 7))}月`).join('、');
}

/** The issuing line: who issues it, when it was published and which version it is. */
function issuingLine(ranking: RankingsDto, issuer: string): string {
  if (ranking.window) {
    const missing = ranking.window.missing.length > 0 ? `，${monthNames(ranking.window.missing)}未计入` : '';
    return `${issuer}\u3000按已发布月份汇总：${monthNames(ranking.window.months)}${missing}`;
  }
  if (ranking.version === null) return `${issuer}\u3000临时结果（尚未发布），仅供内部参考`;
  const date = ranking.publishedAt ? `\u3000发布日期：${shanghaiDate(ranking.publishedAt)}` : '';
  return `${issuer}${date}\u3000第 ${ranking.version} 版`;
}

/** The rank cell: the rank, or why there is none. */
function rankCell(row: RankingRowDto): number | string {
  if (row.rank !== null) return row.rank;
  if (!row.reported) return NOT_REPORTED;
  return row.score === null ? NOTHING_APPLICABLE : '—';
}

/**
 * The month's league table as an .xlsx workbook (the bulletin's table): a title row, the issuing
 * line, then the table (with 所属地市 for counties); every text cell neutralised.
 */
export async function buildRankingWorkbook(input: RankingWorkbookInput): Promise<Buffer> {
  const { ranking, indicators, issuer, region, parentName } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = issuer;
  const sheet = workbook.addWorksheet(
    `${ranking.period} ${ranking.level === 'city' ? '地市' : '区县'}`,
  );
  const withCity = ranking.level === 'county';
  const columns: Partial<ExcelJS.Column>[] = [
    { header: '排名', key: 'rank', width: 12 },
    { header: '机构编码', key: 'code', width: 10 },
    { header: '机构名称', key: 'name', width: 16 },
    ...(withCity ? [{ header: '所属地市', key: 'city', width: 12 }] : []),
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
  // Column keys and widths only: the header row comes third, under the title and the issuing line.
  sheet.columns = columns.map(({ header: _header, ...column }) => column);
  const lastColumn = columns.length;

  const title = sheet.addRow([neutraliseCell(bulletinTitle(ranking.period, region))]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  title.height = 28;
  sheet.mergeCells(1, 1, 1, lastColumn);
  const issued = sheet.addRow([neutraliseCell(issuingLine(ranking, issuer))]);
  issued.alignment = { horizontal: 'right' };
  sheet.mergeCells(2, 1, 2, lastColumn);
  const header = sheet.addRow(columns.map((column) => column.header as string));
  header.font = { bold: true };

  for (const row of ranking.rows) {
    sheet.addRow({
      rank: neutraliseCell(rankCell(row)),
      code: neutraliseCell(row.agencyCode),
      name: neutraliseCell(row.name),
      ...(withCity ? { city: neutraliseCell(parentName(row.parentCode)) } : {}),
      score: row.score,
      grade: row.grade ? GRADE_LABELS[row.grade] : null,
      rankChange: row.rankChange,
      ...Object.fromEntries(
        indicators.map((indicator) => [
          indicator.code,
          row.reported ? (row.indicators[indicator.code]?.rate ?? NOT_APPLICABLE) : null,
        ]),
      ),
    });
  }
  sheet.views = [{ state: 'frozen', xSplit: withCity ? 4 : 3, ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
