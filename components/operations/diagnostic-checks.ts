import type { getTranslations } from 'next-intl/server';
import {
  type CheckResult,
  checkClock,
  checkConfiguration,
  checkDatabase,
  checkLastHour,
  checkMerchantKey,
  checkReachability,
  checkWechatKeys,
} from '@/lib/operations/diagnostics';
import type { DiagnosticsFacts, HostProbe } from '@/lib/operations/server/diagnostics';
import { formatBeijingDateTime } from '@/lib/time/beijing';
import type { CertificateRefresh } from '@/lib/wechatpay/certificates';
import type { Fact } from './diagnostic-check';

/** The skew furthest from zero, either way. */
function worstSkew(skews: readonly number[]): number {
  return skews.reduce((worst, skew) => (Math.abs(skew) > Math.abs(worst) ? skew : worst));
}

type T = Awaited<ReturnType<typeof getTranslations<'diagnostics'>>>;

function probeText(t: T, probe: HostProbe): string {
  const { outcome } = probe;
  switch (outcome.kind) {
    case 'verified':
      return t('facts.verified');
    case 'unverified':
      return t('facts.unverified', { reason: outcome.reason ?? '' });
    case 'http':
      return t('facts.http', {
        status: String(outcome.status ?? ''),
        code: outcome.code ?? '',
        requestId: outcome.requestId ?? t('facts.no'),
      });
    case 'unreachable':
      return t('facts.unreachable');
  }
}

function refreshText(t: T, refresh: CertificateRefresh | null): string {
  if (refresh === null) return t('facts.notYet');
  const time = formatBeijingDateTime(refresh.at);
  return refresh.ok ? t('facts.refreshOk', { time }) : t('facts.refreshFailed', { time, error: refresh.error ?? '' });
}

interface Shown {
  title: string;
  result: CheckResult;
  facts: Fact[];
}

/** Every check in the page's order, judged by lib/operations/diagnostics.ts, with the facts behind it. */
export function diagnosticChecks(t: T, facts: DiagnosticsFacts, now: number): Shown[] {
  const { configuration, database } = facts;
  const { certificate } = facts.merchantKey;
  const { lastRefresh } = facts.wechatKeys;
  const yesNo = (value: boolean) => t(value ? 'facts.yes' : 'facts.no');
  const skews = facts.hosts.flatMap((probe) =>
    probe.outcome.kind === 'verified' && probe.outcome.skewSeconds !== undefined ? [probe.outcome.skewSeconds] : [],
  );
  const shown: Shown[] = [
    {
      title: t('checks.configuration'),
      result: checkConfiguration(configuration),
      facts: [
        { label: t('facts.mode'), value: t(configuration.mode === 'sandbox' ? 'facts.sandbox' : 'facts.merchant') },
        { label: t('facts.mchid'), value: configuration.mchid },
        {
          label: t('facts.keyModes'),
          value: configuration.keyModes.map((mode) => t(`facts.${mode}`)).join(' + '),
        },
        { label: t('facts.merchantSerial'), value: configuration.merchantSerial },
        ...(configuration.publicKeyId ? [{ label: t('facts.publicKeyId'), value: configuration.publicKeyId }] : []),
        { label: t('facts.schoolsAndPlans'), value: `${configuration.schools} / ${configuration.plans}` },
      ],
    },
    {
      title: t('checks.merchantKey'),
      result: checkMerchantKey(facts.merchantKey, now),
      facts: [
        {
          label: t('facts.keyType'),
          value: `${facts.merchantKey.type?.toUpperCase() ?? '?'} ${facts.merchantKey.bits ?? '?'}`,
        },
        ...(certificate
          ? [
              { label: t('facts.merchantCertificate'), value: certificate.serial },
              { label: t('facts.merchantCertificateExpire'), value: formatBeijingDateTime(certificate.expire) },
              { label: t('facts.keyMatches'), value: yesNo(certificate.keyMatches) },
              { label: t('facts.serialMatches'), value: yesNo(certificate.serialMatches) },
            ]
          : []),
      ],
    },
    {
      title: t('checks.wechatKeys'),
      result: checkWechatKeys(facts.wechatKeys, now),
      facts: [
        ...(facts.wechatKeys.publicKeyId
          ? [{ label: t('facts.publicKeyId'), value: facts.wechatKeys.publicKeyId }]
          : []),
        ...(facts.wechatKeys.certificates?.length === 0
          ? [{ label: t('facts.certificates'), value: t('facts.noneHeld') }]
          : (facts.wechatKeys.certificates ?? []).map((certificate) => ({
              label: t('facts.certificate', { serial: certificate.serial }),
              value: t('facts.validity', { expire: formatBeijingDateTime(certificate.expire) }),
            }))),
        ...(lastRefresh !== undefined ? [{ label: t('facts.lastRefresh'), value: refreshText(t, lastRefresh) }] : []),
      ],
    },
    {
      title: t('checks.clock'),
      result: checkClock(skews),
      facts: [
        {
          label: t('checks.clock'),
          value: skews.length ? t('facts.skew', { seconds: Math.round(worstSkew(skews)) }) : t('facts.noSkew'),
        },
      ],
    },
    ...facts.hosts.map((probe) => ({
      title: t('checks.reachability', { role: t(`roles.${probe.role}`) }),
      result: checkReachability(probe.outcome),
      facts: [
        { label: t('facts.host'), value: probe.host },
        { label: t('facts.outcome'), value: `${probeText(t, probe)} · ${t('facts.latency', { ms: probe.latencyMs })}` },
        ...(probe.role === 'backup'
          ? [
              {
                label: t('facts.breaker'),
                value:
                  facts.onBackupUntil === null
                    ? t('facts.onPrimary')
                    : t('facts.onBackupUntil', { time: formatBeijingDateTime(facts.onBackupUntil) }),
              },
            ]
          : []),
      ],
    })),
    {
      title: t('checks.database'),
      result: checkDatabase(database),
      facts: [
        { label: t('facts.kind'), value: database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL' },
        { label: t('facts.schemaVersion'), value: database.schemaVersion ?? '—' },
        ...(database.sizeBytes !== null
          ? [{ label: t('facts.size'), value: t('facts.sizeBytes', { bytes: database.sizeBytes }) }]
          : []),
        { label: t('facts.auditWritable'), value: yesNo(database.auditWritable) },
      ],
    },
    {
      title: t('checks.lastHour'),
      result: checkLastHour(facts.lastHour),
      facts: Object.entries(facts.lastHour)
        .sort(([, a], [, b]) => b - a)
        .map(([outcome, count]) => ({ label: outcome, value: String(count) })),
    },
  ];
  return shown;
}
