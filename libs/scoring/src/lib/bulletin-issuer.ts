/**
 * Who issues the monthly bulletin (通报) and whose agencies it covers, from the roots of the
 * agency tree: one province → its medical-insurance service centre ("浙江省" → "浙江省医疗保障服务中心");
 * a national deployment (several provinces) → the national administration.
 */
export function bulletinIssuer(roots: readonly { name: string }[]): {
  /** The issuing body, as the bulletin is signed. */
  issuer: string;
  /** The region the bulletin covers, as its title names it ("浙江省", "全国"). */
  region: string;
} {
  const [only] = roots;
  if (only && roots.length === 1) {
    const region = only.name.trim();
    return { issuer: `${region}医疗保障服务中心`, region };
  }
  return { issuer: '国家医疗保障局', region: '全国' };
}
