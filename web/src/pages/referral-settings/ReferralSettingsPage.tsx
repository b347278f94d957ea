import type { ReactNode } from 'react';
import { organisationList } from '../../../../src/contracts/admin.js';
import { referralSettings } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { ReferralSettingsForm } from './ReferralSettingsForm.js';
import { practiceOptions } from './settingsForm.js';

/**
 * /admin/referral-settings: a scheme manager's rules for referrals to the scheme. The practices
 * come from the scheme's organisations; if they cannot be had, the saved practices are still
 * shown (by ODS code) so that saving does not drop them.
 */
export function ReferralSettingsPage(): ReactNode {
  const [settings] = useApi('/api/referral-settings', referralSettings);
  const [organisations] = useApi('/api/organisations', organisationList);

  if (settings.status === 'error') return <ProblemPage problem={settings.problem} />;
  if (settings.status === 'loading' || organisations.status === 'loading') {
    return (
      <>
        <PageHeading>Referral settings</PageHeading>
        <Loading />
      </>
    );
  }
  const known = organisations.status === 'ok' ? organisations.data.items : [];
  return <ReferralSettingsForm initial={settings.data} practices={practiceOptions(known, settings.data.eligibility.registeredPractices)} />;
}
