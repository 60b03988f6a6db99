import { describe, expect, it } from 'vitest';
import { alertHtml } from '../format-alert-html.js';
import { alertText } from '../format-alert.js';
import { hostileEvidence } from '../testing/evidence-fixture.js';
import { alert } from '../testing/fixtures.js';
import { slackPayload } from './slack.js';

describe('Slack message', () => {
  it('reads well: headline, summary, each sample linked and escaped, a link to the details', () => {
    const payload = slackPayload({ kind: 'alert', deliveryKey: 'k', alert: alert() }, 'https://earshot.example.org/alerts/{key}');
    expect(payload.text).toBe('[WARNING] Nordtel: 3 negative mentions in 10m — 3 negative mentions about Nordtel within 10m (threshold 3).');
    expect(payload.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '[WARNING] Nordtel: 3 negative mentions in 10m' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '3 negative mentions about Nordtel within 10m (threshold 3).\n*Rule* neg · *severity* warning · *brand* nordtel' },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '<https://reviews.example.org/m1|Не покупайте Nordtel> _(negative)_\n>Не покупайте их тариф, поддержка молчит.' },
      },
      { type: 'section', text: { type: 'mrkdwn', text: '<https://forum.example.org/m2|Nordtel &lt;outage&gt; &amp; more> _(negative)_\n>Down again.' } },
      { type: 'section', text: { type: 'mrkdwn', text: '<https://earshot.example.org/alerts/neg%3Anordtel%3A2026-11-20T10%3A00%3A00.000Z|Open in Earshot>' } },
    ]);
  });

  it('marks re-notifications and resolutions', () => {
    expect(slackPayload({ kind: 'alert', deliveryKey: 'k', alert: alert({ revision: 2 }) }).text).toMatch(/^\[STILL OPEN\] /);
    expect(slackPayload({ kind: 'alert', deliveryKey: 'k', alert: alert({ state: 'resolved', revision: 3 }) }).text).toMatch(/^\[RESOLVED\] /);
  });
});

describe('Slack message from hostile mention text', () => {
  const hostile = (sample: { url: string; title: string; text: string }) =>
    slackPayload({
      kind: 'alert',
      deliveryKey: 'k',
      alert: alert({ summary: 'Ping <!channel> & <!here>', samples: [{ id: 'm9', sourceId: 's1', ...sample, sentiment: 'negative' }] }),
    });

  it('escapes <!channel>, <, > and & everywhere mrkdwn is read', () => {
    const payload = hostile({ url: 'https://x.example/a', title: '<!channel> read this', text: 'line one\n<@U123> & <!everyone>' });
    expect(payload.text).toContain('Ping &lt;!channel&gt; &amp; &lt;!here&gt;');
    const text = JSON.stringify(payload.blocks);
    expect(text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123>/);
    expect(text).toContain('<https://x.example/a|&lt;!channel&gt; read this> _(negative)_\\n>line one &lt;@U123&gt; &amp; &lt;!everyone&gt;');
  });

  it('keeps a URL from closing the link or adding a label, and never links javascript: or data: URLs', () => {
    const section = (url: string, title = 'Title') => (hostile({ url, title, text: 't' }).blocks[2] as { text: { text: string } }).text.text.split('\n')[0];
    expect(section('https://x.example/a|<!channel>')).toBe('<https://x.example/a%7C%3C!channel%3E|Title> _(negative)_');
    expect(section('https://x.example/a>|fake label')).toBe('<https://x.example/a%3E%7Cfake%20label|Title> _(negative)_');
    expect(section('https://x.example/?a=1&b=2')).toBe('<https://x.example/?a=1&amp;b=2|Title> _(negative)_');
    expect(section('javascript:alert(1)', 'Click')).toBe('Click _(negative)_');
    expect(section('data:text/html,<b>x</b>', 'Click')).toBe('Click _(negative)_');
    expect(section('', 'No link')).toBe('No link _(negative)_');
  });

  it('shows a mention once: a sample that is also a driving mention appears only with the evidence', () => {
    const evidence = hostileEvidence();
    const explained = alert({ evidence: { ...evidence, mentions: [{ ...evidence.mentions[0]!, id: 'm1', title: 'Не покупайте Nordtel' }] } });
    const text = JSON.stringify(slackPayload({ kind: 'alert', deliveryKey: 'k', alert: explained }).blocks);
    expect(text.match(/Не покупайте Nordtel/g)).toHaveLength(1);
    expect(text).toContain('Nordtel &lt;outage&gt; &amp; more'); // the other sample stays
    expect(alertText(explained).match(/Не покупайте Nordtel/g)).toHaveLength(1);
    expect(alertHtml(explained).match(/Не покупайте Nordtel/g)).toHaveLength(1);
  });
});
