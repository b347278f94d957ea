import { describe, expect, it } from 'vitest';
import { actionsFor, checkAction, linkWorkerActions, offeredActions } from './events.js';

describe('actionsFor', () => {
  it('offers the link worker the group’s replies and a withdrawal while it waits for a reply', () => {
    expect(actionsFor('sent', 'link_worker')).toEqual(['accept', 'waitlist', 'decline', 'withdraw']);
  });

  it('offers endings while the person attends, and nothing once it has ended', () => {
    expect(actionsFor('attending', 'link_worker')).toEqual(['complete', 'drop_out', 'withdraw']);
    expect(actionsFor('completed', 'link_worker')).toEqual([]);
  });

  it('never offers the group a withdrawal', () => {
    expect(actionsFor('sent', 'provider')).toEqual(['accept', 'waitlist', 'decline']);
  });
});

describe('linkWorkerActions', () => {
  it('offers the group’s yes and waiting list while the case is open and consent stands', () => {
    expect(linkWorkerActions('sent', true)).toEqual(['accept', 'waitlist', 'decline', 'withdraw']);
  });

  it('leaves out accepting and the waiting list once the case is closed or consent withdrawn', () => {
    expect(linkWorkerActions('sent', false)).toEqual(['decline', 'withdraw']);
    expect(linkWorkerActions('waitlisted', false)).toEqual(['decline', 'withdraw']);
    expect(linkWorkerActions('attending', false)).toEqual(['complete', 'drop_out', 'withdraw']);
  });
});

describe('offeredActions', () => {
  it('keeps the server’s allowed events that have a form, in page order', () => {
    expect(offeredActions(['decline', 'start_attending', 'accept'])).toEqual(['accept', 'decline']);
  });
});

describe('checkAction', () => {
  it('builds an accept with its note, or without one', () => {
    expect(checkAction('accept', { 'accept-note': ' See you Tuesday ' })).toEqual({ ok: true, value: { event: { type: 'accept', note: 'See you Tuesday' } } });
    expect(checkAction('accept', {})).toEqual({ ok: true, value: { event: { type: 'accept' } } });
  });

  it('needs a decline reason, and a note when the reason is "other"', () => {
    expect(checkAction('decline', {})).toEqual({ ok: false, errors: { detail: null, fields: { 'decline-reasonCode': 'Choose why the referral is declined' } } });
    expect(checkAction('decline', { 'decline-reasonCode': 'other' })).toEqual({
      ok: false,
      errors: { detail: null, fields: { 'decline-note': 'Say why the referral is declined' } },
    });
    expect(checkAction('decline', { 'decline-reasonCode': 'full' })).toEqual({ ok: true, value: { event: { type: 'decline', reasonCode: 'full' } } });
  });

  it('needs a drop-out reason', () => {
    expect(checkAction('drop_out', { 'drop_out-reasonCode': '' })).toEqual({
      ok: false,
      errors: { detail: null, fields: { 'drop_out-reasonCode': 'Choose why they stopped coming' } },
    });
    expect(checkAction('drop_out', { 'drop_out-reasonCode': 'health', 'drop_out-note': 'In hospital' })).toEqual({
      ok: true,
      value: { event: { type: 'drop_out', reasonCode: 'health', note: 'In hospital' } },
    });
  });

  it('needs a reason to withdraw, with the contract’s words beside the field', () => {
    expect(checkAction('withdraw', { 'withdraw-reason': '  ' })).toEqual({
      ok: false,
      errors: { detail: null, fields: { 'withdraw-reason': 'Say why the referral is withdrawn' } },
    });
  });
});
