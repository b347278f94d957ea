import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import {
  canAdministerScheme,
  canChangeDirectorySettings,
  canImportDirectory,
  canKeepListings,
  canManageSchemes,
  canProvide,
  canRefer,
  canTriage,
  canUseDirectory,
} from './layout/navigation.js';
import { Layout } from './layout/Layout.js';
import { AccountPage } from './pages/account/AccountPage.js';
import { ApiClientsPage } from './pages/api-clients/ApiClientsPage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { NewServicePage, ServiceEditPage } from './pages/directory/edit/ServiceEditPage.js';
import { DirectoryImportPage } from './pages/directory/import/DirectoryImportPage.js';
import { MyOrganisationPage } from './pages/directory/my-organisation/MyOrganisationPage.js';
import { GovernanceEditPage } from './pages/directory/organisation/GovernanceEditPage.js';
import { OrganisationPage } from './pages/directory/organisation/OrganisationPage.js';
import { SearchPage } from './pages/directory/search/SearchPage.js';
import { ServicePage } from './pages/directory/service/ServicePage.js';
import { DirectorySettingsPage } from './pages/directory/settings/DirectorySettingsPage.js';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage.js';
import { MfaCodePage } from './pages/auth/MfaCodePage.js';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage.js';
import { SetUpMfaPage } from './pages/auth/SetUpMfaPage.js';
import { SignInPage } from './pages/auth/SignInPage.js';
import { caseworkRoutes } from './pages/casework/routes.js';
import { HomePage } from './pages/HomePage.js';
import { AccessibilityPage } from './pages/info/AccessibilityPage.js';
import { NotFoundPage } from './pages/info/NotFoundPage.js';
import { PrivacyPage } from './pages/info/PrivacyPage.js';
import { providerRoutes } from './pages/provider/routes.js';
import { NotificationsPage } from './pages/notifications/NotificationsPage.js';
import { onwardRoutes } from './pages/onward/routes.js';
import { OutcomeSettingsPage } from './pages/outcome-settings/OutcomeSettingsPage.js';
import { EditScalePage, NewScalePage } from './pages/outcome-settings/ScaleEditPage.js';
import { OrganisationsPage } from './pages/OrganisationsPage.js';
import { DueMeasuresPage } from './pages/outcomes/DueMeasuresPage.js';
import { PersonOutcomesPage } from './pages/outcomes/PersonOutcomesPage.js';
import { RecordMeasurePage } from './pages/outcomes/RecordMeasurePage.js';
import { EditPersonPage } from './pages/people/EditPersonPage.js';
import { PersonPage } from './pages/people/PersonPage.js';
import { PublicLayout } from './pages/questionnaire/PublicLayout.js';
import { QuestionnairePage } from './pages/questionnaire/QuestionnairePage.js';
import { ReferralFormPage } from './pages/referral-form/ReferralFormPage.js';
import { ReferralImportPage } from './pages/referral-import/ReferralImportPage.js';
import { ReferralSettingsPage } from './pages/referral-settings/ReferralSettingsPage.js';
import { ReferralDetailPage } from './pages/referrals/ReferralDetailPage.js';
import { ReferralsPage } from './pages/referrals/ReferralsPage.js';
import { SchemesPage } from './pages/SchemesPage.js';
import { SelfReferralPage } from './pages/self-referral/SelfReferralPage.js';
import { TriagePage } from './pages/triage/TriagePage.js';
import { RequireRole, RequireSession } from './session/guards.js';

/**
 * Every route of the web app. Pages that need a full session sit under RequireSession; the
 * two MFA steps accept the stages that lead to them. The self-referral form is public. The
 * static /referrals/new and /referrals/import outrank /referrals/:id, whatever their order, as
 * /directory/services/new outranks /directory/services/:id.
 */
export function App(): ReactNode {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/questionnaire" element={<QuestionnairePage />} />
      </Route>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/accessibility" element={<AccessibilityPage />} />
        <Route path="/privacy" element={<PrivacyPage />} />
        <Route path="/refer-yourself/:slug" element={<SelfReferralPage />} />
        <Route element={<RequireSession stages={['mfa']} />}>
          <Route path="/sign-in/code" element={<MfaCodePage />} />
        </Route>
        <Route element={<RequireSession stages={['mfa_setup', 'active']} />}>
          <Route path="/set-up-mfa" element={<SetUpMfaPage />} />
        </Route>
        <Route element={<RequireSession />}>
          <Route index element={<HomePage />} />
          <Route path="/organisations" element={<OrganisationsPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route element={<RequireRole allow={canRefer} />}>
            <Route path="/referrals" element={<ReferralsPage />} />
            <Route path="/referrals/new" element={<ReferralFormPage />} />
            <Route path="/referrals/:id" element={<ReferralDetailPage />} />
          </Route>
          <Route element={<RequireRole allow={canTriage} />}>
            <Route path="/triage" element={<TriagePage />} />
            <Route path="/referrals/import" element={<ReferralImportPage />} />
            <Route path="/people/:id" element={<PersonPage />} />
            <Route path="/people/:id/edit" element={<EditPersonPage />} />
            <Route path="/people/:id/outcomes" element={<PersonOutcomesPage />} />
            <Route path="/people/:id/outcomes/record" element={<RecordMeasurePage />} />
            <Route path="/outcomes/due" element={<DueMeasuresPage />} />
            {caseworkRoutes()}
            {onwardRoutes()}
          </Route>
          <Route element={<RequireRole allow={canProvide} />}>{providerRoutes()}</Route>
          <Route element={<RequireRole allow={canUseDirectory} />}>
            <Route path="/directory" element={<SearchPage />} />
            <Route path="/directory/services/new" element={<NewServicePage />} />
            <Route path="/directory/services/:id" element={<ServicePage />} />
            <Route path="/directory/services/:id/edit" element={<ServiceEditPage />} />
            <Route path="/directory/organisations/:id" element={<OrganisationPage />} />
            <Route path="/directory/organisations/:id/edit" element={<GovernanceEditPage />} />
          </Route>
          <Route element={<RequireRole allow={canImportDirectory} />}>
            <Route path="/directory/import" element={<DirectoryImportPage />} />
          </Route>
          <Route element={<RequireRole allow={canKeepListings} />}>
            <Route path="/directory/my-organisation" element={<MyOrganisationPage />} />
          </Route>
          <Route element={<RequireRole allow={canChangeDirectorySettings} />}>
            <Route path="/admin/directory-settings" element={<DirectorySettingsPage />} />
          </Route>
          <Route element={<RequireRole allow={canAdministerScheme} />}>
            <Route path="/admin/audit" element={<AuditPage />} />
            <Route path="/admin/notifications" element={<NotificationsPage />} />
            <Route path="/admin/api-clients" element={<ApiClientsPage />} />
            <Route path="/admin/referral-settings" element={<ReferralSettingsPage />} />
            <Route path="/admin/outcome-settings" element={<OutcomeSettingsPage />} />
            <Route path="/admin/outcome-settings/scales/new" element={<NewScalePage />} />
            <Route path="/admin/outcome-settings/scales/:key" element={<EditScalePage />} />
          </Route>
          <Route element={<RequireRole allow={canManageSchemes} />}>
            <Route path="/admin/schemes" element={<SchemesPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
