import { PASSWORD_PROBLEM_MESSAGES } from '@scorecard/access';
import type { Language } from '@scorecard/contracts';

/** A message worded inside another (a month's state inside a sentence). */
export interface MessageRef {
  key: MessageKey;
}

/** Values a message is worded with; a date is shown as people read it in that language. */
export type MessageParam = string | number | Date | MessageRef;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * Every text the API answers with, in each language the product speaks: one entry per message,
 * `{name}` standing for a parameter. Errors carry a key and parameters; the exception filter words
 * them in the caller's language (`Accept-Language`, Chinese by default).
 */
export const API_MESSAGES = {
  // Answers as a whole
  'request.invalid': { 'zh-CN': '提交的内容有误', en: 'Invalid input' },
  'request.failed': {
    'zh-CN': '请求未能完成（HTTP {status}）',
    en: 'The request failed (HTTP {status})',
  },
  'request.notFound': { 'zh-CN': '请求的内容不存在', en: 'Not found' },
  'request.tooMany': {
    'zh-CN': '请求过于频繁，请稍后再试',
    en: 'Too many requests: try again shortly',
  },
  'request.tooLarge': { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  'server.internal': { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  'server.unavailable': {
    'zh-CN': '服务暂时不可用，请稍后再试',
    en: 'The database is not reachable; try again shortly',
  },
  'queue.unavailable': {
    'zh-CN': '任务队列暂时不可用，请稍后再试',
    en: 'The job queue is not reachable; try again shortly',
  },
  'upload.tooLarge': {
    'zh-CN': '文件过大：最多 {max} 字节',
    en: 'The file is too large: at most {max} bytes',
  },

  // Signing in
  'auth.wrongCredentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.invalidRefreshToken': { 'zh-CN': '登录凭据无效，请重新登录', en: 'Invalid refresh token' },
  'auth.sessionEnded': {
    'zh-CN': '登录已失效，请重新登录',
    en: 'The session has ended: log in again',
  },
  'auth.tokenRequired': { 'zh-CN': '请先登录', en: 'A bearer token is required' },
  'auth.tokenInvalid': {
    'zh-CN': '登录已过期，请重新登录',
    en: 'The token is invalid or has expired',
  },
  'auth.lockedOut': {
    'zh-CN': '登录失败次数过多，该账号已锁定至 {until}。请稍候，或请管理员解锁、重置密码。',
    en:
      'Too many failed logins: this account is locked until {until}. ' +
      'Wait, or ask an administrator to unlock it or reset the password.',
  },

  // Scope
  'scope.outside': { 'zh-CN': '该机构不在您的权限范围内', en: 'This agency is outside your scope' },
  'user.cannotChangeSelf': {
    'zh-CN': '不能停用自己的账号或修改自己的角色',
    en: 'You cannot disable yourself or change your own role',
  },
  'user.cannotAssignRole': {
    'zh-CN': '您不能授予“{role}”角色',
    en: 'You may not assign the role {role}',
  },

  // Not found
  'agency.notFound': { 'zh-CN': '机构 {code} 不存在', en: 'Agency {code} does not exist' },
  'period.notFound': { 'zh-CN': '月份 {period} 不存在', en: 'Period {period} does not exist' },
  'period.noPublishedVersion': {
    'zh-CN': '{period} 没有第 {version} 版发布结果',
    en: 'Period {period} has no published version {version}',
  },
  'feedback.notPublished': {
    'zh-CN': '{period} 尚未发布，{code} 的反馈单还没有生成',
    en: 'Period {period} is not published yet: there is no feedback sheet of {code}',
  },
  'window.nothingPublished': {
    'zh-CN': '{period} 尚无已发布的月份，暂无汇总结果',
    en: 'No month of {period} has been published yet',
  },
  'results.notYet': {
    'zh-CN': '{code} 的 {period} 结果尚未产生',
    en: 'No results of {code} for {period} yet',
  },
  'job.notFound': { 'zh-CN': '任务 {id} 不存在', en: 'Job {id} does not exist' },
  'auth.passwordChangeRequired': {
    'zh-CN': '请先修改初始密码',
    en: 'Change the initial password first (POST /api/auth/password)',
  },
  'calendar.notADate': {
    'zh-CN': '“{value}”不是 YYYY-MM-DD 格式的日期',
    en: '{value} is not a date written YYYY-MM-DD',
  },
  'calendar.outsideYear': { 'zh-CN': '{day} 不在 {year} 年内', en: '{day} is not in {year}' },
  'calendar.listedTwice': {
    'zh-CN': '{day} 重复列出（另见 {first}）',
    en: '{day} is listed twice (also {first})',
  },
  'calendar.holidayAndWorkday': {
    'zh-CN': '{day} 不能既是节假日又是调休上班日（另见 {first}）',
    en: '{day} cannot be both a holiday and a make-up workday (also {first})',
  },
  'calendar.notADateLike': {
    'zh-CN': '“{value}”不是日期，例如 {example}',
    en: '{value} is not a date such as {example}',
  },
  'calendar.tooManyRows': {
    'zh-CN': '超过 {max} 行：一年最多 366 天',
    en: 'more than {max} rows: a year has 366 days at most',
  },
  'calendar.listedInRow': {
    'zh-CN': '{day} 已在第 {row} 行列出',
    en: '{day} is listed already in row {row}',
  },
  'calendar.unknownType': {
    'zh-CN': '“{value}”既不是 节假日 也不是 调休上班',
    en: '{value} is neither 节假日 (holiday) nor 调休上班 (workday)',
  },
  'calendar.emptyFile': {
    'zh-CN': '文件为空：没有表头，也没有数据行',
    en: 'the file is empty: no header and no data rows',
  },
  'calendar.noDays': { 'zh-CN': '文件有表头但没有日期行', en: 'the file has a header but no days' },
  'calendar.noDateColumn': {
    'zh-CN': '表头中没有“日期”列',
    en: 'the header names no 日期 (date) column',
  },
  'calendar.noTypeColumn': {
    'zh-CN': '表头中没有“类型”列',
    en: 'the header names no 类型 (type) column',
  },
  'calendar.fileEmpty': { 'zh-CN': '文件为空', en: 'the file is empty' },
  'scheme.effectiveFromOutsideYear': {
    'zh-CN': '应为 {year} 年内的月份（YYYY-MM）',
    en: 'must be a month of {year} (YYYY-MM)',
  },
  'scheme.textRequired': { 'zh-CN': '不能为空', en: 'must not be empty' },
  'scheme.wholeNumberBetween': {
    'zh-CN': '应为 {min} 至 {max} 之间的整数',
    en: 'must be a whole number from {min} to {max}',
  },
  'scheme.weightPositiveWhole': {
    'zh-CN': '权重应为正整数',
    en: 'a weight must be a positive whole number',
  },
  'scheme.weightsSum': {
    'zh-CN': '各指标权重合计应为 100，现为 {total}',
    en: 'the weights must sum to 100, not {total}',
  },
  'scheme.noIndicators': { 'zh-CN': '至少需要一个指标', en: 'at least one indicator is needed' },
  'scheme.codeFormat': {
    'zh-CN': '编码应以小写字母开头，只含小写字母、数字和下划线',
    en: 'a code starts with a lower-case letter and holds only a–z, 0–9 and _',
  },
  'scheme.codeDuplicated': {
    'zh-CN': '编码 {code} 重复（另见 {first}）',
    en: 'code {code} is used twice (also {first})',
  },
  'scheme.fraction': {
    'zh-CN': '应为不小于 0 的比例（如 0.98 表示 98%），最多 {decimals} 位小数',
    en: 'must be a fraction from 0 (0.98 for 98 %) with at most {decimals} decimals',
  },
  'scheme.floorBelowTarget': { 'zh-CN': '底线值应低于目标值', en: 'the floor must be below the target' },
  'scheme.targetAboveOne': {
    'zh-CN': '目标值超过 100% 时须允许分子大于分母',
    en: 'a target above 100 % needs allowAbove',
  },
  'scheme.gradeCount': {
    'zh-CN': '应依次列出五档：{codes}',
    en: 'must list the five grades in order: {codes}',
  },
  'scheme.gradeCode': { 'zh-CN': '此处应为 {code}', en: 'must be {code} here' },
  'scheme.gradeDescending': {
    'zh-CN': '应低于上一档的起点 {above}',
    en: 'must be below the band above ({above})',
  },
  'scheme.gradeLastZero': { 'zh-CN': '最低一档应从 0 分起', en: 'the lowest band must start at 0' },
  'scheme.gradeMin': {
    'zh-CN': '应为 0 至 100 之间的分数，最多 2 位小数',
    en: 'must be a score from 0 to 100 with at most 2 decimals',
  },
  'scheme.periodOutsideYear': {
    'zh-CN': '{period} 不在 {year} 年内',
    en: '{period} is not in {year}',
  },
  'scheme.monthFrozen': {
    'zh-CN': '{period} {status}，从 {effectiveFrom} 起生效的方案会改变它的结果：已发布的历史不能更改',
    en: '{period} is {status}: a version in force from {effectiveFrom} would change its results, and published history never changes',
  },
  'scheme.stale': {
    'zh-CN': '方案已有更新的版本 v{version}，请刷新后再修改',
    en: 'the scheme has a newer version v{version}: reload it before editing',
  },
  'validation.year': {
    'zh-CN': '{field} 应为 2000 至 2100 之间的年份',
    en: '{field} must be a year from 2000 to 2100',
  },
  'import.notFound': { 'zh-CN': '导入 {id} 不存在', en: 'Import {id} does not exist' },
  'import.confirmationExpired': {
    'zh-CN': '导入 {id} 已无法确认，请重新上传文件',
    en: 'Import {id} can no longer be confirmed: upload the file again',
  },
  'import.stillReading': {
    'zh-CN': '该文件仍在读取中，请稍后再试',
    en: 'The import is still being read: try again in a moment',
  },
  'import.notAwaitingConfirmation': {
    'zh-CN': '导入 {id} 不在等待确认',
    en: 'Import {id} is not waiting for a confirmation',
  },
  'user.notFound': { 'zh-CN': '用户 {username} 不存在', en: 'User {username} does not exist' },
  'notification.notFound': {
    'zh-CN': '没有编号为 {id} 的消息',
    en: 'You have no notification {id}',
  },
  'scheme.notFound': { 'zh-CN': '{year} 年没有指标体系', en: 'No indicator scheme for {year}' },
  'submission.notYet': {
    'zh-CN': '{agencyCode} 尚未报送 {period} 的数据',
    en: 'No submission of {agencyCode} for {period} yet',
  },
  'submission.nothingToReview': {
    'zh-CN': '{agencyCode} 没有 {period} 的报送可审核',
    en: 'No submission of {agencyCode} for {period} to review',
  },
  'objection.notFound': { 'zh-CN': '异议 {id} 不存在', en: 'Objection {id} does not exist' },
  'rectification.notFound': {
    'zh-CN': '整改事项 {id} 不存在',
    en: 'Rectification item {id} does not exist',
  },
  'appeal.notFound': { 'zh-CN': '异议 {id} 不存在', en: 'Appeal {id} does not exist' },
  'badReview.notFound': {
    'zh-CN': '差评 {id} 不存在',
    en: 'Bad review {id} does not exist',
  },
  'candidate.notFound': { 'zh-CN': '候选人 {id} 不存在', en: 'Candidate {id} does not exist' },
  'star.noRound': {
    'zh-CN': '{agencyCode} 没有 {period} 的服务之星评选',
    en: 'No star selection for {agencyCode} in {period}',
  },
  'star.noSchemeForRules': {
    'zh-CN': '{year} 年没有本年度自己的指标体系，无法设置评选规则',
    en: 'No indicator scheme of {year} of its own to set star rules on',
  },

  // Submissions and months
  'submission.createWithoutVersion': {
    'zh-CN': '该报送尚不存在：请不带版本号提交',
    en: 'The submission does not exist yet: send it without a version',
  },
  'submission.stale': {
    'zh-CN': '数据已被他人修改，当前版本为 {version}，请重新加载后再试',
    en: 'The submission was changed by someone else: the current version is {version}; reload and try again',
  },
  'period.notOpen': {
    'zh-CN': '{period} {status}：只有采集中的月份可以修改数据',
    en: 'Period {period} is {status}: figures can only be changed while it is open',
  },
  'period.otherProvince': {
    'zh-CN': '只能管理本省的月份，不能操作 {province} 的月份',
    en: "You may manage only your own province's part of the month, not that of {province}",
  },
  'honours.otherProvince': {
    'zh-CN': '只能查看本省的荣誉榜，不能查看 {province} 的荣誉榜',
    en: "You may read only your own province's honour roll, not that of {province}",
  },
  'period.lockBeforePublish': {
    'zh-CN': '{period} {status}：请先锁定再发布',
    en: 'Period {period} is {status}: lock it before publishing',
  },
  'period.wrongState': {
    'zh-CN': '{period} {status}，此操作要求月份{expected}',
    en: 'Period {period} is {status}; this step needs it {expected}',
  },
  'period.pending': {
    'zh-CN':
      '有 {count} 个机构尚未审核通过或免报（{agencies}）；请先审核或免报，或填写原因强制锁定',
    en: '{count} agencies are neither approved nor waived ({agencies}); approve or waive them, or force the lock with a reason',
  },
  'period.pendingCounties': {
    'zh-CN':
      '有 {count} 个机构尚未审核通过或免报（{agencies}）；有待审区县的地市：{cities}；请先审核或免报，或填写原因强制锁定',
    en: '{count} agencies are neither approved nor waived ({agencies}); cities with counties still to review: {cities}; approve or waive them, or force the lock with a reason',
  },
  'user.taken': { 'zh-CN': '用户名 {username} 已被使用', en: 'The username {username} is taken' },

  // Month states, as they read inside the sentences above
  'status.open': { 'zh-CN': '采集中', en: 'open' },
  'status.locked': { 'zh-CN': '已锁定', en: 'locked' },
  'status.published': { 'zh-CN': '已发布', en: 'published' },
  'status.unopened': { 'zh-CN': '尚未开放', en: 'not open yet' },

  // Rectification items
  'rectification.monthNotPublished': {
    'zh-CN': '{period} 尚未发布：只有已发布月份的结果可以提出整改',
    en: 'Period {period} is not published: items are raised on published results only',
  },
  'rectification.notOpen': {
    'zh-CN': '整改事项 {id} 已答复或已办结，不能再次答复',
    en: 'Rectification item {id} has already been answered or closed',
  },
  'rectification.notResponded': {
    'zh-CN': '整改事项 {id} 尚未答复或已办结，不能验收',
    en: 'Rectification item {id} is not awaiting verification: it has not been answered, or is closed',
  },
  'rectification.stale': {
    'zh-CN': '整改事项已被他人处理，当前版本为 {version}，请刷新后再试',
    en: 'The rectification item was changed by someone else: the current version is {version}; reload and try again',
  },

  // Appeals and warnings
  'appeal.monthNotPublished': {
    'zh-CN': '{period} 尚未发布：只能对已发布的结果提出异议',
    en: 'Period {period} is not published: only published results can be appealed',
  },
  'appeal.late': {
    'zh-CN': '{period} 的异议期已于 {deadline} 结束',
    en: 'The appeal window of {period} ended on {deadline}',
  },
  'appeal.alreadyOpen': {
    'zh-CN': '{agencyCode} 对 {period} 已有一项异议正在处理',
    en: '{agencyCode} already has an appeal of {period} under review',
  },
  'appeal.notOpen': {
    'zh-CN': '异议 {id} 已处理，不能再次处理',
    en: 'Appeal {id} has already been ruled on',
  },
  'warning.monthNotPublished': {
    'zh-CN': '{period} 尚未发布：只能对已发布月份登记约谈',
    en: 'Period {period} is not published: talks are recorded on published months only',
  },

  // Bad reviews
  'badReview.notOpen': {
    'zh-CN': '差评 {id} 不是待核实状态，不能核实',
    en: 'Bad review {id} is not open: it cannot be verified',
  },
  'badReview.notVerified': {
    'zh-CN': '差评 {id} 尚未核实或已办结，不能办结',
    en: 'Bad review {id} is not verified: it cannot be resolved',
  },
  'badReview.notAppealable': {
    'zh-CN': '差评 {id} 已办结、已作废或正在申诉，不能申诉',
    en: 'Bad review {id} is closed, voided or already appealed: it cannot be appealed',
  },
  'badReview.notAppealed': {
    'zh-CN': '差评 {id} 没有待裁定的申诉',
    en: 'Bad review {id} has no appeal to rule on',
  },
  'badReview.stale': {
    'zh-CN': '差评已被他人处理，当前版本为 {version}，请刷新后再试',
    en: 'The bad review was changed by someone else: the current version is {version}; reload and try again',
  },

  // Stars
  'star.notPublicised': {
    'zh-CN': '{period} 服务之星不在公示期，无可异议',
    en: 'The star of {period} is not being publicised: there is nothing to object to',
  },
  'star.publicityEnded': {
    'zh-CN': '{period} 服务之星公示期已结束',
    en: 'The publicity window of the star of {period} has ended',
  },
  'objection.alreadyResolved': {
    'zh-CN': '异议 {id} 已处理',
    en: 'Objection {id} has already been resolved',
  },
  'star.votingClosed': {
    'zh-CN': '{period} 服务之星投票已截止',
    en: 'Voting for the star of {period} is closed',
  },
  'star.candidateInCooldown': {
    'zh-CN':
      '{name}已当选 {starPeriod} 服务之星，{months} 个月内不能再次当选，请投票给符合条件的候选人',
    en: '{name} was star of {starPeriod} and cannot be star again within {months} months: vote for an eligible candidate',
  },
  'star.candidateWithdrawn': {
    'zh-CN': '该候选人因异议成立已被撤销',
    en: 'This candidate was withdrawn after an objection',
  },
  'star.alreadyVoted': {
    'zh-CN': '您已为 {period} 服务之星投过票',
    en: 'You have already voted for the star of {period}',
  },
  'star.alreadyCandidate': {
    'zh-CN': '{username} 已是 {period} 的候选人',
    en: '{username} is already a candidate for {period}',
  },
  'star.nobodyNominated': {
    'zh-CN': '{period} 服务之星尚无人被提名',
    en: 'Nobody has been nominated for the star of {period} yet',
  },
  'star.alreadySelected': {
    'zh-CN': '{period} 服务之星已经评出',
    en: 'The star of {period} is already selected',
  },
  'star.unscored': {
    'zh-CN': '请先为所有候选人评分：{names}',
    en: 'Score every candidate before selecting: {names}',
  },
  'star.noEligible': {
    'zh-CN': '{period} 服务之星没有符合条件的候选人',
    en: 'No eligible candidate for the star of {period}',
  },

  // Field errors: the field itself travels beside the message, as the caller wrote it
  'field.forcedLockReason': { 'zh-CN': '强制锁定需要填写原因', en: 'a forced lock needs a reason' },
  'field.forcedPublishReason': {
    'zh-CN': '在各省发布本省月份之前强制发布全国月份，需要选择强制发布并填写原因',
    en: 'publishing the national month before every province has published its part needs force and a reason',
  },
  'field.provinceRequired': {
    'zh-CN': '请指明要操作哪个省的月份',
    en: "name the province whose part of the month this is for",
  },
  'field.notProvince': { 'zh-CN': '{province} 不是省级机构', en: '{province} is not a province' },
  'field.valuesObject': {
    'zh-CN': '应为以指标编码为键的对象',
    en: 'must be an object keyed by indicator code',
  },
  'field.unknownIndicator': {
    'zh-CN': '未知的指标编码（可用：{known}）',
    en: 'unknown indicator code (known: {known})',
  },
  'field.figuresObject': {
    'zh-CN': '应为 {numerator, denominator} 形式的对象',
    en: 'must be an object {numerator, denominator}',
  },
  'field.unknown': { 'zh-CN': '不是可接受的字段', en: 'is not a known field' },
  'field.sendBackNote': {
    'zh-CN': '退回整改需要填写意见',
    en: 'sending an item back needs a note',
  },
  'field.dismissNote': {
    'zh-CN': '驳回异议需要填写意见',
    en: 'dismissing an appeal needs a note',
  },
  'field.exceedsDenominator': {
    'zh-CN': '分子不能大于分母',
    en: 'must not exceed the denominator',
  },
  'field.nestedTooDeep': {
    'zh-CN': '嵌套超过 {depth} 层',
    en: 'is nested more than {depth} levels deep',
  },
  'field.reservedName': { 'zh-CN': '是保留名称，不是字段', en: 'is a reserved name, not a field' },
  'field.fileMissing': {
    'zh-CN': '请以“file”字段附上要导入的文件',
    en: 'attach the file to import as "file"',
  },
  'field.fileEmpty': { 'zh-CN': '文件是空的', en: 'the file is empty' },
  'field.voteForSelf': { 'zh-CN': '不能投票给自己', en: 'You cannot vote for yourself' },
  'field.weightsAllZero': { 'zh-CN': '权重不能全部为 0', en: 'weights must not all be zero' },
  'field.notStaff': {
    'zh-CN': '{username} 不是机构 {agencyCode} 的工作人员',
    en: '{username} is not staff of agency {agencyCode}',
  },
  'amount.not_a_number': { 'zh-CN': '应为数字', en: 'must be a number' },
  'amount.negative': { 'zh-CN': '不能为负数', en: 'must not be negative' },
  'amount.too_many_decimals': { 'zh-CN': '最多保留 2 位小数', en: 'must have at most 2 decimals' },
  'amount.too_large': {
    'zh-CN': '数值过大（整数部分最多 13 位）',
    en: 'is too large (at most 13 digits before the decimal point)',
  },
  ...PASSWORD_PROBLEM_MESSAGES,
  'password.sameAsCurrent': {
    'zh-CN': '新密码不能与当前密码相同',
    en: 'must differ from the current password',
  },
  'password.notCurrent': { 'zh-CN': '当前密码不正确', en: 'is not your current password' },

  // Checks of the request's shape (class-validator and the path parameters)
  'validation.notAllowed': {
    'zh-CN': '不接受字段 {field}',
    en: 'property {field} should not exist',
  },
  'validation.required': { 'zh-CN': '{field} 不能为空', en: '{field} must be given' },
  'validation.isInt': { 'zh-CN': '{field} 应为整数', en: '{field} must be a whole number' },
  'validation.isNumber': { 'zh-CN': '{field} 应为数字', en: '{field} must be a number' },
  'validation.isNumberDecimals': {
    'zh-CN': '{field} 应为数字，最多 {decimals} 位小数',
    en: '{field} must be a number with at most {decimals} decimals',
  },
  'validation.isString': { 'zh-CN': '{field} 应为文本', en: '{field} must be text' },
  'validation.isBoolean': {
    'zh-CN': '{field} 应为 true 或 false',
    en: '{field} must be true or false',
  },
  'validation.isObject': { 'zh-CN': '{field} 应为对象', en: '{field} must be an object' },
  'validation.isArray': { 'zh-CN': '{field} 应为列表', en: '{field} must be a list' },
  'validation.isDate': {
    'zh-CN': '{field} 应为 ISO 8601 时间',
    en: '{field} must be an ISO 8601 time',
  },
  'validation.isIn': {
    'zh-CN': '{field} 应为以下之一：{values}',
    en: '{field} must be one of {values}',
  },
  'validation.min': {
    'zh-CN': '{field} 不能小于 {min}',
    en: '{field} must not be less than {min}',
  },
  'validation.max': {
    'zh-CN': '{field} 不能大于 {max}',
    en: '{field} must not be greater than {max}',
  },
  'validation.minLength': {
    'zh-CN': '{field} 至少需要 {min} 个字符',
    en: '{field} must be at least {min} characters',
  },
  'validation.maxLength': {
    'zh-CN': '{field} 最多 {max} 个字符',
    en: '{field} must be at most {max} characters',
  },
  'validation.eitherOr': {
    'zh-CN': '{field} 与 {other} 只能给出其一',
    en: 'give either {other} or {field}, not both',
  },
  'validation.invalid': { 'zh-CN': '{field} 的值无效', en: '{field} is not valid' },
  'validation.month': {
    'zh-CN': '{field} 应为 YYYY-MM 格式的月份',
    en: '{field} must be a month as YYYY-MM',
  },
  'validation.window': {
    'zh-CN': '{field} 应为月份（YYYY-MM）、季度（YYYY-Q1…Q4）、半年（YYYY-H1/H2）或年度（YYYY）',
    en: '{field} must be a month (YYYY-MM), a quarter (YYYY-Q1…Q4), a half-year (YYYY-H1/H2) or a year (YYYY)',
  },
  'validation.windowVersion': {
    'zh-CN': '{field} 只适用于单个月份；季度、半年和年度按各月最新发布版汇总',
    en: '{field} applies to a single month only; a quarter, half-year or year sums each month as last published',
  },
  'validation.day': {
    'zh-CN': '{field} 应为 YYYY-MM-DD 格式的日期',
    en: '{field} must be a day as YYYY-MM-DD',
  },
  'validation.divisionCode': {
    'zh-CN': '{field} 应为 6 位行政区划代码',
    en: '{field} must be a six-digit division code',
  },
  'validation.username': {
    'zh-CN': '{field} 只能由字母、数字和 _ . - 组成，最多 64 个字符',
    en: '{field} must be up to 64 letters, digits, _ . or -',
  },
  'validation.positiveWholeNumber': {
    'zh-CN': '{field} 应为正整数',
    en: '{field} must be a positive whole number',
  },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof API_MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(API_MESSAGES, key);
}

/** The message in the given language, its `{name}` parameters filled in. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const wording: string = API_MESSAGES[key][language];
  return wording.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name] as MessageParam, language) : whole,
  );
}

function formatParam(value: MessageParam, language: Language): string {
  if (value instanceof Date) return language === 'en' ? value.toISOString() : shanghaiTime(value);
  if (typeof value === 'object') return translate(language, value.key);
  return String(value);
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-26 20:00`, Beijing time, as the web app shows times. */
function shanghaiTime(value: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    SHANGHAI.formatToParts(value).find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
