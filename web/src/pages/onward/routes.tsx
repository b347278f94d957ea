import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { FindServicePage } from './FindServicePage.js';
import { OnwardReferralFormPage } from './OnwardReferralFormPage.js';
import { OnwardReferralPage } from './OnwardReferralPage.js';
import { SignpostPage } from './SignpostPage.js';

/** Onward referral and signposting, for link workers and managers (the parent route guards the role). */
export function onwardRoutes(): ReactNode {
  return (
    <>
      <Route path="/cases/:id/refer-on" element={<FindServicePage />} />
      <Route path="/cases/:id/refer-on/:serviceId" element={<OnwardReferralFormPage />} />
      <Route path="/cases/:id/signpost" element={<SignpostPage />} />
      <Route path="/onward-referrals/:id" element={<OnwardReferralPage />} />
    </>
  );
}
