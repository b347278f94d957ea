import type { ReactNode } from 'react';
import { FEEDBACK_CHANNELS, FEEDBACK_MILESTONES, FEEDBACK_MILESTONE_LABELS, type FeedbackChannel } from '../../../../src/contracts/referral-codes.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { FormSection } from '../../components/FormSection.js';
import type { FormErrors } from '../../forms/errors.js';
import { list, text, type FormState } from './formState.js';

/** "Feedback you want": when the referrer hears back, and how. */
const CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  email: 'By email',
  letter: 'By letter',
  none: 'I do not want updates',
};

export function FeedbackFields({ values, errors }: { values: FormState; errors: FormErrors['fields'] }): ReactNode {
  return (
    <FormSection heading="Feedback you want">
      <ChoiceField
        type="checkbox"
        name="feedbackMilestones"
        legend="When should we tell you how the referral is going?"
        hint="Select all that apply"
        items={FEEDBACK_MILESTONES.map((m) => ({ value: m, label: FEEDBACK_MILESTONE_LABELS[m] }))}
        defaultValues={list(values, 'feedbackMilestones')}
        error={errors.feedbackMilestones}
      />
      <ChoiceField
        type="radio"
        name="feedbackChannel"
        legend="How should we send updates?"
        items={FEEDBACK_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        defaultValues={[text(values, 'feedbackChannel')]}
        error={errors.feedbackChannel}
      />
    </FormSection>
  );
}
