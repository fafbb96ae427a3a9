/**
 * Texts of the data-entry page, in every language: loaded with the page, not with the app. Its components read them as
 * local messages.
 */
export const ENTRY_MESSAGES = {
  'zh-CN': {
    entry: {
      title: '数据填报',
      agency: '填报机构',
      status: '状态',
      version: '版本 {version}',
      newSubmission: '本月尚未报送',
      lastSaved: '{by} 于 {at} 保存',
      notOpen: '{period} 当前状态为“{status}”，不能修改数据。',
      save: '保存',
      saving: '正在保存…',
      saved: '已保存（版本 {version}）',
      reset: '撤销修改',
      rate: '完成率',
      hint: '非负数，最多 2 位小数；分母为 0 表示本月不适用',
      overTargetHint: '可超过 100 %',
      notApplicableHint: '分母为 0：本月不适用，不计入综合得分',
      dueDate: '截止日期：{date}',
      overdue: '已超过截止日期（{date}），本月尚未报送，请尽快填报并保存。',
      moneyHint: '单位：元',
      errors: {
        required: '请填写',
        not_a_number: '请输入数字',
        negative: '不能为负数',
        too_many_decimals: '最多保留 2 位小数',
        too_large: '数值过大',
        exceeds: '分子不能大于分母',
        fix: '请先更正标红的 {count} 处',
        server: '服务器拒绝了部分数据，请按提示更正',
      },
      returned: {
        title: '已退回：{reason} — {by}，{at}',
        hint: '请按退回原因更正数据后重新保存，保存即重新提交审核。',
      },
      conflict: {
        title: '数据已被他人修改',
        message:
          '在您编辑期间，本月数据已被其他人保存（当前版本 {version}）。重新加载将放弃您未保存的修改。',
        reload: '重新加载',
        cancel: '暂不加载',
      },
      locked: '本月已不在采集期（HTTP 423），数据未保存。',
    },
  },
  en: {
    entry: {
      title: 'Data entry',
      agency: 'Agency',
      status: 'Status',
      version: 'Version {version}',
      newSubmission: 'Nothing submitted for this month yet',
      lastSaved: 'Saved by {by} at {at}',
      notOpen: '{period} is “{status}”: figures cannot be changed.',
      save: 'Save',
      saving: 'Saving…',
      saved: 'Saved (version {version})',
      reset: 'Discard changes',
      rate: 'Rate',
      hint: 'Non-negative, at most 2 decimals; denominator 0 means not applicable this month',
      overTargetHint: 'May exceed 100 %',
      notApplicableHint: 'Denominator 0: not applicable this month, left out of the score',
      dueDate: 'Due {date}',
      overdue:
        'Past the due date ({date}) and not yet submitted: please enter and save this month now.',
      moneyHint: 'In yuan',
      errors: {
        required: 'Required',
        not_a_number: 'Enter a number',
        negative: 'Must not be negative',
        too_many_decimals: 'At most 2 decimals',
        too_large: 'Too large',
        exceeds: 'Numerator must not exceed the denominator',
        fix: 'Fix the {count} fields marked in red first',
        server: 'The server rejected some figures; see the fields',
      },
      returned: {
        title: 'Returned: {reason} — {by}, {at}',
        hint: 'Correct the figures as asked and save them again: saving sends them back for review.',
      },
      conflict: {
        title: 'Changed by someone else',
        message:
          'While you were editing, someone else saved this month’s figures (now version {version}). Reloading discards your unsaved changes.',
        reload: 'Reload',
        cancel: 'Not now',
      },
      locked: 'This month is no longer collecting (HTTP 423); nothing was saved.',
    },
  },
};
