/**
 * The bulletin's follow-up texts (约谈 and rectification items), in every language: loaded with the
 * page, not with the app. The rest of the bulletin's texts are the app's.
 */
export const BULLETIN_MESSAGES = {
  'zh-CN': {
    bulletinFollowUp: {
      talkTitle: '约谈',
      rectifications: '整改事项',
      rectificationCount: '{open} 项未办结，{overdue} 项逾期',
      rectificationShort: '{open}（逾期 {overdue}）',
    },
  },
  en: {
    bulletinFollowUp: {
      talkTitle: 'Called for a talk',
      rectifications: 'Rectification items',
      rectificationCount: '{open} outstanding, {overdue} overdue',
      rectificationShort: '{open} ({overdue} overdue)',
    },
  },
};
