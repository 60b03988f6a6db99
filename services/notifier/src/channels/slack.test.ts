import { describe, expect, it } from 'vitest';
import { alert } from '../testing/fixtures.js';
import { slackPayload } from './slack.js';

describe('Slack message', () => {
  it('reads well: headline, summary, each sample linked and escaped, a link to the details', () => {
    const payload = slackPayload({ kind: 'alert', deliveryKey: 'k', alert: alert() }, 'https://earshot.example.org/alerts/{key}');
    expect(payload.text).toBe('[WARNING] Nordtel: 3 negative mentions in 10m — 3 negative mentions about Nordtel within 10m (threshold 3).');
    expect(payload.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '[WARNING] Nordtel: 3 negative mentions in 10m' } },
      { type: 'section', text: { type: 'mrkdwn', text: '3 negative mentions about Nordtel within 10m (threshold 3).\n*Rule* neg · *severity* warning · *brand* nordtel' } },
      { type: 'section', text: { type: 'mrkdwn', text: '<https://reviews.example.org/m1|Не покупайте Nordtel> _(negative)_\n>Не покупайте их тариф, поддержка молчит.' } },
      { type: 'section', text: { type: 'mrkdwn', text: '<https://forum.example.org/m2|Nordtel &lt;outage&gt; &amp; more> _(negative)_\n>Down again.' } },
      { type: 'section', text: { type: 'mrkdwn', text: '<https://earshot.example.org/alerts/neg%3Anordtel%3A2026-11-20T10%3A00%3A00.000Z|Open in Earshot>' } },
    ]);
  });

  it('marks re-notifications and resolutions', () => {
    expect(slackPayload({ kind: 'alert', deliveryKey: 'k', alert: alert({ revision: 2 }) }).text).toMatch(/^\[STILL OPEN\] /);
    expect(slackPayload({ kind: 'alert', deliveryKey: 'k', alert: alert({ state: 'resolved', revision: 3 }) }).text).toMatch(/^\[RESOLVED\] /);
  });
});
