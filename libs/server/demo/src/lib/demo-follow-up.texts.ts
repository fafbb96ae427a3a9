/** The words of the demo's follow-up work: what heads, city admins and the province wrote. */

/** The head's cause (原因分析) and measures (整改措施) per indicator; '' is the overall result. */
export const RECTIFICATION_ANSWERS: Record<string, { cause: string; measures: string }> = {
  '': {
    cause:
      '本月扩面、征缴两项主要指标未达到底线，年初任务分解未落实到乡镇（街道），中心对指标进度缺少每周调度，发现问题时已临近月底。',
    measures:
      '一是成立由中心主任牵头的整改专班，逐项制定整改计划；二是将扩面、征缴任务分解到乡镇（街道）并每周通报进度；三是每月向市医保中心书面报告整改情况。',
  },
  enrollment_expansion: {
    cause:
      '辖区新增灵活就业人员和新设市场主体底数不清，扩面工作主要依赖群众主动登记，未与市场监管、税务部门开展数据比对。',
    measures:
      '与市场监管、税务部门建立新设市场主体和灵活就业人员数据月度比对机制；组织乡镇（街道）经办员逐户摸排，对未参保人员建立清单、限时动员参保。',
  },
  collection: {
    cause:
      '部分困难企业连续欠缴，与税务部门的征缴数据对账滞后约两周，欠费单位未能及时收到催缴提醒。',
    measures:
      '与税务部门建立每周对账机制；对欠费单位逐户发送催缴通知并上门走访，符合条件的指导办理缓缴；欠费情况每周报分管领导。',
  },
  annual_inspection: {
    cause: '参保单位年检集中在月末办理，窗口人手不足，部分单位未按期提交年检材料，也未收到提醒。',
    measures:
      '推行网上年检和预约办理；按行业分批次通知未年检单位，安排专人电话跟踪，月中通报一次年检进度。',
  },
  first_inquiry: {
    cause: '新进窗口人员对首问负责制要求掌握不到位，首问登记台账填写不规范，部分咨询未登记去向。',
    measures:
      '开展首问负责制专题培训并组织考试；统一首问登记台账格式；科室负责人每周抽查台账并在晨会上讲评。',
  },
  ab_post: {
    cause: 'A岗人员休假期间，B岗人员对待遇审核业务不熟悉，部分事项未能当日接续办理。',
    measures:
      '重新梳理AB岗对照表，组织B岗人员跟岗学习两周；A岗人员离岗前须书面交接在办事项，由科长签字确认。',
  },
  online_reply: {
    cause: '网上咨询集中在征缴期，专职回复人员仅1名，且未设置超时提醒，部分咨询超过48小时才回复。',
    measures:
      '增设2名兼职回复人员并排班；在咨询平台设置24小时未回复预警；将常见问题整理成标准答复口径，缩短回复时间。',
  },
  satisfaction: {
    cause:
      '窗口高峰时段等候时间长，个别工作人员政策解释不够耐心，差评集中在异地就医备案和慢特病认定事项。',
    measures:
      '高峰时段增开2个窗口并设引导岗；开展服务礼仪和政策解释培训；对每条差评逐一电话回访，整改情况纳入月度考核。',
  },
};

export const ACCEPTED_NOTES = [
  '经核查，整改措施已落实到位，同意销号。',
  '已调阅相关台账和整改记录，整改到位，予以验收。',
  '整改报告内容完整，措施具体，同意验收，下月继续跟踪指标变化。',
];

export const SENT_BACK_NOTE = '原因分析不够具体，请补充相关数据、责任科室和完成时限后重新提交。';

/** Items raised by hand after a spot check (抽查): an older month's, and the newest month's. */
export const MANUAL_ITEMS: {
  agencyCode: string;
  indicatorCode: string | null;
  reason: string;
  createdBy: string;
}[] = [
  {
    agencyCode: '331121',
    indicatorCode: 'online_reply',
    reason:
      '省中心暗访抽查：网上咨询平台有3条群众咨询超过48小时未回复，其中1条为异地就医备案咨询。',
    createdBy: 'admin',
  },
  {
    agencyCode: '330624',
    indicatorCode: 'first_inquiry',
    reason: '市中心窗口抽查：首问登记台账缺少近一周记录，异地就医备案一次性告知单未在窗口公示。',
    createdBy: 'city-330600',
  },
];

/** 办理事项 and what unhappy people wrote about it (评价内容). */
export const BAD_REVIEW_COMMENTS: [string, string[]][] = [
  [
    '异地就医备案',
    [
      '备案材料要求前后说法不一致，跑了两趟才办好。',
      '网上备案一直提示审核中，打电话问也说不清楚要等多久。',
      '窗口说线上就能办，回家一试又说要到现场。',
    ],
  ],
  [
    '医保关系转移接续',
    [
      '转移接续办了一个多月还没好，没有人主动告知进度。',
      '转出地和转入地互相推，让我自己去两边开证明。',
    ],
  ],
  [
    '门诊慢特病认定',
    [
      '慢特病认定要的材料太多，医院开的证明被说不合格，又得重新跑医院。',
      '认定结果出来很慢，期间买药都得自己先垫钱。',
    ],
  ],
  [
    '医疗费用零星报销',
    [
      '报销进度查不到，打电话也说不清楚什么时候到账。',
      '材料交了三次，每次都说少一样，不能一次说清楚吗。',
    ],
  ],
  [
    '灵活就业人员参保登记',
    ['窗口排队一个多小时，叫号系统坏了也没有人解释。', '工作人员态度生硬，问多了就不耐烦。'],
  ],
  ['生育津贴申领', ['申领条件解释得不清楚，来回跑了三趟。']],
  ['医保电子凭证激活', ['电话一直打不通，网上留言三天没人回复。']],
];

export const BAD_REVIEW_VERIFY_NOTES = [
  '已调取窗口监控和叫号记录，情况属实。',
  '已电话联系评价人了解具体经过，反映问题基本属实。',
  '经核实，当日业务系统升级导致办理暂停，现场解释不到位。',
  '已调阅办件记录，确有一次性告知不到位的情况。',
];

export const BAD_REVIEW_RECTIFIED = [
  '已对当事工作人员进行批评教育，高峰时段增设引导岗，并已当面向评价人致歉。',
  '已为评价人办结业务，修订一次性告知单并在窗口和网上公示。',
  '已将该事项纳入“一件事”联办，办理时限由10个工作日压缩至5个工作日。',
];

export const BAD_REVIEW_EXPLAINED = [
  '评价人所需材料为政策规定的必备材料，已电话详细解释，评价人表示理解。',
  '报销款到账时间受银行结算周期影响，已向评价人说明并告知查询方式。',
  '转入地尚未完成审核，已与转入地经办机构联系督办，并告知评价人办理进度。',
];

export const BAD_REVIEW_APPEAL = {
  reason: '经查办件记录，该评价人当日未在本中心办理业务，评价内容所述事项属其他地区，系误评。',
  ruling: '经调取办件和评价记录核实，该评价确非本机构办理的业务，予以作废。',
};

/** An appeal of an older month, dismissed by the province: the month stayed published. */
export const APPEAL_DISMISSED = {
  agencyCode: '330481',
  indicatorCode: 'collection',
  reason: '本月征缴率的应缴额中含3户已注销企业的应缴费用，请求剔除后重新计算。',
  note: '经与税务部门核对，上述企业注销前的应缴费用仍属当月应征范围，统计口径符合考核方案，维持原结果。',
};

/** An appeal of the newest month, raised inside its window and not ruled on yet. */
export const APPEAL_PENDING = {
  agencyCode: '330782',
  indicatorCode: 'online_reply',
  reason:
    '咨询平台系统故障期间（已附运维单位情况说明）收到的咨询被计为超时未回复，请求核减后重新计算。',
};

/** What the province noted of its talk (约谈) with an agency warned for failing months running. */
export const WARNING_TALK_NOTE =
  '省医保中心约谈该机构主要负责人，通报其连续多月综合考核不合格的情况，要求逐项制定整改方案、明确责任人和完成时限，自下月起每月报送整改进展。';
