/**
 * The bad-review pages' texts, in every language: loaded with the page, not with the app. Its components read them as
 * local messages.
 */
export const BAD_REVIEW_MESSAGES = {
  'zh-CN': {
    badReviews: {
      title: '差评处理',
      allMonths: '全部月份',
      allStatuses: '全部状态',
      total: '共 {count} 条差评',
      deadline: '处理期限 {date}',
      noComment: '（无评价内容）',
      counts: '待处理差评 {open} 条，其中逾期 {overdue} 条',
      viewAll: '查看全部差评',
      status: {
        open: '待核实',
        verified: '已核实',
        appealed: '申诉中',
        closed: '已办结',
        voided: '已作废',
        overdue: '已逾期',
        withdrawn: '已撤销（评价已不在数据中）',
      },
      outcome: {
        rectified: '已整改',
        explained: '已说明',
      },
      level: {
        1: '非常不满意',
        2: '不满意',
      },
      channel: {
        window: '窗口',
        online: '网上',
        phone: '电话',
        app: '移动端',
      },
      verify: {
        note: '核实情况',
        submit: '核实',
        done: '已核实',
      },
      resolve: {
        note: '整改情况或说明',
        submit: '办结',
        done: '已办结',
      },
      appeal: {
        action: '评价有误或属恶意评价？提出申诉',
        reason: '申诉理由',
        submit: '提交申诉',
        done: '已提交申诉',
      },
      ruling: {
        note: '裁定意见',
        void: '申诉成立，作废差评',
        dismiss: '驳回申诉',
        voided: '差评已作废',
        dismissed: '申诉已驳回',
      },
    },
  },
  en: {
    badReviews: {
      title: 'Bad reviews',
      allMonths: 'All months',
      allStatuses: 'All statuses',
      total: '{count} bad reviews',
      deadline: 'Due {date}',
      noComment: '(no comment)',
      counts: '{open} bad reviews to handle, {overdue} overdue',
      viewAll: 'All bad reviews',
      status: {
        open: 'To verify',
        verified: 'Verified',
        appealed: 'Appealed',
        closed: 'Closed',
        voided: 'Voided',
        overdue: 'Overdue',
        withdrawn: 'Withdrawn (rating no longer in the data)',
      },
      outcome: {
        rectified: 'Rectified',
        explained: 'Explained',
      },
      level: {
        1: 'Very dissatisfied',
        2: 'Dissatisfied',
      },
      channel: {
        window: 'Counter',
        online: 'Online',
        phone: 'Phone',
        app: 'App',
      },
      verify: {
        note: 'What was found',
        submit: 'Verify',
        done: 'Verified',
      },
      resolve: {
        note: 'What was done, or the explanation',
        submit: 'Close',
        done: 'Closed',
      },
      appeal: {
        action: 'Mistaken or malicious? Appeal',
        reason: 'Reason for the appeal',
        submit: 'Appeal',
        done: 'Appeal sent',
      },
      ruling: {
        note: 'Ruling',
        void: 'Uphold: void the review',
        dismiss: 'Dismiss the appeal',
        voided: 'The review is voided',
        dismissed: 'The appeal is dismissed',
      },
    },
  },
};
