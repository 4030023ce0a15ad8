/**
 * Every string staff read, in one place. Components and schemas take their words from here so
 * that wording is reviewed in one file and an English file can follow with the same shape.
 */
export const messages = {
  app: {
    title: '校园轻松付签约查询',
    subtitle: '按家长的微信 openid 和签约模板号，查看该家长在本校的签约与解约记录',
  },
  sandbox: {
    banner: '沙箱模式：当前显示的是内置模拟数据，不是真实的微信支付数据。',
    demoTitle: '可以试试这些演示家长',
    faultTitle: '演示故障：看看微信支付出错时页面怎么提示（仅沙箱，供 IT 测试）',
  },
  form: {
    legend: '查询条件',
    openid: '家长 openid',
    openidHint: '家长在本校公众号或小程序下的微信用户标识，以 o 开头的一串字母数字。',
    planId: '签约模板号',
    planIdHint: '学校在微信支付开通校园轻松付时获得的模板编号（plan_id）。',
    status: '签约状态',
    limit: '每页条数',
    submit: '查询',
    statusLabels: { ALL: '全部', ADD: '已签约', DELETE: '已解约' },
    limitOption: (n: number | string) => `每页 ${n} 条`,
  },
  validation: {
    openidRequired: '请输入家长的 openid',
    openidTooLong: 'openid 不能超过 128 个字符',
    openidFormat: 'openid 只能包含英文字母、数字、下划线和短横线，请检查是否多复制了空格或标点',
    planIdRequired: '请输入签约模板号',
    planIdTooLong: '签约模板号不能超过 32 个字符',
    planIdFormat: '签约模板号只能包含英文字母、数字、下划线和短横线',
    status: '签约状态只能是全部、已签约或已解约',
    limit: '每页条数应为 1 到 40 之间的整数',
    offset: '页码位置应为 0 或正整数',
    offsetMultiple: '页码位置应为每页条数的整数倍',
  },
  firstVisit: {
    title: '查询家长的签约记录',
    steps: [
      '输入家长的 openid：可在微信支付商户平台的签约记录、学校缴费系统的家长资料或扣款通知中找到，以 o 开头。',
      '输入签约模板号：学校开通校园轻松付时微信支付分配的模板编号，可向学校 IT 或财务负责人索取。',
      '点击“查询”。已签约的记录排在前面，已解约的排在后面。',
    ],
  },
  table: {
    caption: '签约记录',
    contractId: '签约协议号',
    outContractCode: '外部签约号',
    status: '状态',
    createTime: '签约时间（北京时间）',
    planId: '签约模板号',
    openid: 'openid',
    appid: 'AppID',
    mchid: '商户号',
    statusLabels: { ADD: '已签约', DELETE: '已解约' } as Record<string, string>,
    unknownStatus: (raw: string) => `未知状态（${raw}）`,
    missing: '—',
    openidMismatch: '与查询的 openid 不一致',
  },
  pagination: {
    nav: '翻页',
    prev: '上一页',
    next: '下一页',
    range: (from: number, to: number, total: number | null) =>
      total === null ? `第 ${from}–${to} 条` : `第 ${from}–${to} 条，共 ${total} 条`,
    emptyRange: (total: number | null) => (total === null ? '本页没有记录' : `本页没有记录，共 ${total} 条`),
  },
  states: {
    loading: '正在向微信支付查询…',
    empty: '没有找到符合条件的签约记录',
    emptyHint: '请确认 openid 和签约模板号是否正确，或把签约状态改为“全部”再查一次。',
    invalidUrl: '链接中的查询条件有误，请修改后重新查询。',
    retry: '重试',
    requestId: '微信支付 Request-ID',
    code: '错误码',
    requestIdHint: '联系微信支付客服时请提供此 Request-ID。',
    mismatchWarning: '有记录的 openid 与查询的不一致：该 openid 可能属于另一个公众号或小程序（AppID）。',
  },
  errors: {
    unverified: {
      title: '无法验证微信支付应答的签名',
      body: '这次应答未通过签名校验，可能被篡改或来源不明，因此没有显示任何数据。请稍后重试；若反复出现，请联系 IT。',
    },
    malformed: {
      title: '微信支付的应答格式无法识别',
      body: '应答虽已通过签名校验，但内容不符合接口格式，因此没有显示数据。请联系 IT。',
    },
    timeout: {
      title: '微信支付响应超时',
      body: '微信支付没有及时应答。请稍后点击“重试”。',
    },
    network: {
      title: '无法连接微信支付',
      body: '服务器暂时连不上微信支付。请稍后重试；若持续出现，请联系 IT 检查网络。',
    },
    param: {
      title: '微信支付认为查询参数有误',
      body: '请检查 openid 和签约模板号。微信支付的说明：',
    },
    signError: {
      title: '微信支付拒绝了本系统的签名',
      body: '商户证书、私钥或服务器时间配置有误。这不是家长的问题，请联系 IT。',
    },
    noAuth: {
      title: '商户没有校园轻松付的查询权限',
      body: '请联系 IT 或学校财务负责人确认商户号已开通校园轻松付。',
    },
    notFound: {
      title: '微信支付没有找到相关记录',
      body: '该家长在此签约模板下没有签约记录。请确认 openid 和签约模板号是否正确。',
    },
    rateLimited: {
      title: '查询太频繁了',
      body: '微信支付限制了查询频率。请稍等片刻再试。',
    },
    unavailable: {
      title: '微信支付暂时不可用',
      body: '这是微信支付一方的问题。请稍后点击“重试”。',
    },
    upstream: {
      title: '微信支付返回了错误',
      body: '请稍后重试；若反复出现，请把下方错误码和 Request-ID 发给 IT。',
    },
    internal: {
      title: '查询失败',
      body: '服务器处理查询时出错。请稍后重试；若反复出现，请联系 IT。',
    },
  },
} as const;
