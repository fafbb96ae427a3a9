import { bulletinIssuer } from './bulletin-issuer';

describe('bulletinIssuer', () => {
  it.each([
    [[{ name: '浙江省' }], '浙江省医疗保障服务中心', '浙江省'],
    [[{ name: '广西壮族自治区' }], '广西壮族自治区医疗保障服务中心', '广西壮族自治区'],
    [[{ name: '北京市' }], '北京市医疗保障服务中心', '北京市'],
    [[{ name: '浙江省' }, { name: '江苏省' }], '国家医疗保障局', '全国'],
  ])('%j → %s', (roots, issuer, region) => {
    expect(bulletinIssuer(roots)).toEqual({ issuer, region });
  });
});
