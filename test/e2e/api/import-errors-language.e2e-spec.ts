import { baseUrl, login } from '../support/http';
import { importFile } from '../support/imports';

/** The worker stores errors without words; each reader gets them in their own language. */
describe('import errors through the running product', () => {
  it('names fields as the file’s header did and words the errors in the caller’s language', async () => {
    const head = await login('head-330102');
    const { body, job } = await importFile(
      head,
      'ratings',
      '评价.csv',
      '机构编码,评价时间,渠道,评价等级\r\n330102,2026-10-05 09:30:00,窗口,7\r\n',
    );
    expect(job.result.status).toBe('rejected');

    const read = async (path: string, language?: string) => {
      const response = await fetch(`${baseUrl()}/api${path}`, {
        headers: {
          authorization: `Bearer ${head}`,
          ...(language ? { 'accept-language': language } : {}),
        },
      });
      expect(response.status).toBe(200);
      return response;
    };
    const errorsOf = async (path: string, language?: string) => {
      const answer = (await (await read(path, language)).json()) as {
        errors?: unknown[];
        result?: { errors: unknown[] };
      };
      return answer.errors ?? answer.result?.errors;
    };

    const chinese = [
      {
        row: 2,
        field: '评价等级',
        value: '7',
        message: expect.stringMatching(/^须为 1 至 5 的整数/),
      },
    ];
    const english = [
      {
        row: 2,
        field: '评价等级',
        value: '7',
        message: expect.stringMatching(/^must be a whole number from 1 to 5/),
      },
    ];
    expect(await errorsOf(`/jobs/${body.jobId}`)).toEqual(chinese);
    expect(await errorsOf(`/jobs/${body.jobId}`, 'en-US,en;q=0.9')).toEqual(english);
    expect(await errorsOf(`/imports/${body.importId}`, 'zh-CN')).toEqual(chinese);
    expect(await errorsOf(`/imports/${body.importId}`, 'en')).toEqual(english);
    expect(await (await read(`/imports/${body.importId}/errors.csv`, 'en')).text()).toContain(
      'Row,Field,Value,Message',
    );
  });
});
