/**
 * Texts of the import pages and the figures' origins, in every language: loaded with the page, not with the app. Its components read them as
 * local messages.
 */
export const IMPORT_MESSAGES = {
  'zh-CN': {
    imports: {
      title: '数据导入',
      kind: '数据类型',
      kinds: {
        submissions: '指标报送数据',
        ratings: '好差评明细',
        consultations: '网上咨询明细',
      },
      drop: '将 CSV 或 XLSX 文件拖到此处，或',
      pick: '点击选择文件',
      tip: '首行为表头，支持中文或英文列名；CSV 可为 UTF-8 或 GBK 编码',
      upload: '开始导入',
      uploading: '正在上传…',
      chooseFile: '请先选择文件',
      progress: '处理进度',
      state: {
        waiting: '排队中',
        active: '处理中',
        completed: '已完成',
        failed: '失败',
      },
      result: {
        applied: '导入成功，已写入 {rows} 行数据',
        unchanged: '该文件与当前数据完全相同，未做改动',
        rejected: '导入未通过：发现 {count} 处错误，全部数据均未写入',
        queued: '等待处理',
        needs_confirmation: '此文件将替换手工填报的数据，等待确认',
        cancelled: '已取消导入，数据均未改动',
        failed: '导入未完成：{reason}',
      },
      failure: {
        interrupted:
          '处理该文件的服务多次意外中断，文件未能导入，数据均未写入；上传的文件已删除，请重新上传',
        error: '该文件无法处理，数据均未写入；上传的文件已删除，请检查后重新上传',
      },
      errors: {
        title: '错误明细',
        row: '行号',
        field: '字段',
        value: '值',
        message: '说明',
        download: '下载错误报告（CSV）',
        shown: '仅显示前 {shown} 条，共 {count} 条',
      },
      replace: {
        title: '此文件将替换 {count} 项手工填报的数据',
        hint: '确认前不会写入任何数据。请核对下列替换内容（原值 → 新值）后确认或取消。',
        shown: '仅显示前 {shown} 项，共 {count} 项',
        what: '指标（机构 · 月份）',
        change: '分子 / 分母（原值 → 新值）',
        confirm: '确认替换并导入',
        cancel: '取消导入',
      },
      failed: '导入任务失败：{reason}',
      again: '继续导入',
    },
  },
  en: {
    imports: {
      title: 'Import data',
      kind: 'Data kind',
      kinds: {
        submissions: 'Indicator figures',
        ratings: 'Satisfaction ratings',
        consultations: 'Online consultations',
      },
      drop: 'Drop a CSV or XLSX file here, or',
      pick: 'choose a file',
      tip: 'First row is the header, in English or Chinese; CSV in UTF-8 or GBK',
      upload: 'Import',
      uploading: 'Uploading…',
      chooseFile: 'Choose a file first',
      progress: 'Progress',
      state: {
        waiting: 'Waiting',
        active: 'Processing',
        completed: 'Completed',
        failed: 'Failed',
      },
      result: {
        applied: 'Imported: {rows} rows applied',
        unchanged: 'This file matches the current figures exactly; nothing changed',
        rejected: 'Rejected: {count} errors found, nothing was written',
        queued: 'Waiting to be processed',
        needs_confirmation:
          'This file would replace figures typed in by hand: waiting for confirmation',
        cancelled: 'Import cancelled: nothing was changed',
        failed: 'Not imported: {reason}',
      },
      failure: {
        interrupted:
          'the server processing this file stopped unexpectedly several times; nothing was written and the uploaded file was removed. Please upload it again',
        error:
          'this file could not be processed; nothing was written and the uploaded file was removed. Please check it and upload it again',
      },
      errors: {
        title: 'Errors',
        row: 'Row',
        field: 'Field',
        value: 'Value',
        message: 'Message',
        download: 'Download the error report (CSV)',
        shown: 'Showing the first {shown} of {count}',
      },
      replace: {
        title: 'This file would replace {count} figures typed in by hand',
        hint: 'Nothing is written until you confirm. Check what would be replaced (old → new), then confirm or cancel.',
        shown: 'Showing the first {shown} of {count}',
        what: 'Indicator (agency · month)',
        change: 'Numerator / denominator (old → new)',
        confirm: 'Replace and import',
        cancel: 'Cancel the import',
      },
      failed: 'The import job failed: {reason}',
      again: 'Import another file',
    },
  },
};
