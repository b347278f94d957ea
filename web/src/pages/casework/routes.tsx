import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireRole } from '../../session/guards.js';
import { AssessmentPage } from './AssessmentPage.js';
import { CaseloadBalancePage } from './CaseloadBalancePage.js';
import { CaseloadPage } from './CaseloadPage.js';
import { CasePage } from './CasePage.js';
import { CaseworkSettingsPage } from './CaseworkSettingsPage.js';
import { CloseCasePage } from './CloseCasePage.js';
import { ContactFormPage } from './ContactFormPage.js';
import { ContactPage } from './ContactPage.js';
import { GoalPage } from './GoalPage.js';
import { LoneWorkingPage } from './LoneWorkingPage.js';
import { PlanPage } from './PlanPage.js';
import './casework.css';

/**
 * The link worker's and manager's casework pages. The parent route admits link workers and
 * managers; the balance and settings pages are for managers only (the server checks every call).
 * Static segments such as /goals/new outrank /goals/:goalId whatever their order.
 */
const manager = (role: string | null): boolean => role === 'scheme_manager';

export function caseworkRoutes(): ReactNode {
  return (
    <>
      <Route path="/caseload" element={<CaseloadPage />} />
      <Route path="/lone-working" element={<LoneWorkingPage />} />
      <Route path="/cases/:id" element={<CasePage />} />
      <Route path="/cases/:id/assessment" element={<AssessmentPage />} />
      <Route path="/cases/:id/goals/new" element={<GoalPage />} />
      <Route path="/cases/:id/goals/:goalId" element={<GoalPage />} />
      <Route path="/cases/:id/plan" element={<PlanPage />} />
      <Route path="/cases/:id/contacts/new" element={<ContactFormPage />} />
      <Route path="/cases/:id/contacts/:contactId" element={<ContactPage />} />
      <Route path="/cases/:id/close" element={<CloseCasePage />} />
      <Route element={<RequireRole allow={manager} />}>
        <Route path="/caseload/balance" element={<CaseloadBalancePage />} />
        <Route path="/admin/casework-settings" element={<CaseworkSettingsPage />} />
      </Route>
    </>
  );
}
