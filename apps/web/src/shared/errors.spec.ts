import enMessages from '../i18n/en';
import { describe, expect, it } from 'vitest';
import { loginErrorText } from '../features/auth/login-error';
import { createAppI18n } from '../i18n';
import { errorText } from './errors';
import { ApiError } from './http';

describe('errorText', () => {
  const unavailable = new ApiError('http', 503, 'The database is not reachable', {
    statusCode: 503,
  });

  it('says the service is briefly unavailable when the API answers 503, in the page language', () => {
    const zh = createAppI18n('zh-CN').global.t;
    const en = createAppI18n('en', { en: enMessages }).global.t;
    expect(errorText(unavailable, zh)).toBe('服务暂时不可用，请稍后再试');
    expect(errorText(unavailable, en)).toBe(
      'The service is temporarily unavailable; please try again shortly',
    );
    expect(loginErrorText(unavailable, zh)).toBe('服务暂时不可用，请稍后再试');
  });

  it('shows the field errors of a 400 as the API worded them', () => {
    const zh = createAppI18n('zh-CN').global.t;
    const refused = new ApiError('http', 400, '提交的内容有误', {
      message: '提交的内容有误',
      errors: [
        { field: 'reason', message: 'reason 至少需要 2 个字符' },
        { field: 'colour', message: '不接受字段 colour' },
      ],
    });
    expect(errorText(refused, zh)).toBe(
      '提交的内容有误：reason 至少需要 2 个字符；不接受字段 colour',
    );
    expect(loginErrorText(refused, zh)).toBe(
      '登录失败：reason 至少需要 2 个字符；不接受字段 colour',
    );
  });

  it('still shows the server’s own words for other failures', () => {
    const zh = createAppI18n('zh-CN').global.t;
    expect(errorText(new ApiError('http', 409, '数据已被他人修改'), zh)).toBe(
      '数据加载失败：数据已被他人修改',
    );
  });
});
