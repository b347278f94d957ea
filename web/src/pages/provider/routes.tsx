import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { ProviderInboxPage } from './ProviderInboxPage.js';
import { ProviderReferralPage } from './ProviderReferralPage.js';
import { ProviderServicesPage } from './ProviderServicesPage.js';
import { RaiseConcernPage } from './RaiseConcernPage.js';
import { RegisterPage } from './RegisterPage.js';

/** The VCSE provider portal (the parent route guards the role). */
export function providerRoutes(): ReactNode {
  return (
    <>
      <Route path="/provider" element={<ProviderInboxPage />} />
      <Route path="/provider/referrals/:id" element={<ProviderReferralPage />} />
      <Route path="/provider/referrals/:id/concern" element={<RaiseConcernPage />} />
      <Route path="/provider/register" element={<RegisterPage />} />
      <Route path="/provider/services" element={<ProviderServicesPage />} />
    </>
  );
}
