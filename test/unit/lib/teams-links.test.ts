import { channelMessageLink } from '../../../lib/teams-links';

describe('Teams deep link to a channel post', () => {
  // Ids in the shape Teams and Microsoft Graph use (Graph's webUrl of the same message is the reference).
  const channelId = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';
  const groupId = 'fbe2bf47-16c8-47cf-b4a5-4b9b187c508b';
  const tenantId = '2432b57b-0abd-43db-aa7b-16eadd115d34';

  it('points at the channel and the message, as the root of its thread', () => {
    expect(channelMessageLink({ channelId, messageId: '1616990032035', tenantId, groupId })).toBe(
      'https://teams.microsoft.com/l/message/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/1616990032035' +
        '?tenantId=2432b57b-0abd-43db-aa7b-16eadd115d34&groupId=fbe2bf47-16c8-47cf-b4a5-4b9b187c508b&parentMessageId=1616990032035&createdTime=1616990032035',
    );
  });

  it('drops a thread suffix from the conversation id and leaves out what is not known', () => {
    const link = new URL(channelMessageLink({ channelId: `${channelId};messageid=1616990032035`, messageId: '1616990032035' }));
    expect(decodeURIComponent(link.pathname)).toBe(`/l/message/${channelId}/1616990032035`);
    expect([...link.searchParams.keys()]).toEqual(['parentMessageId', 'createdTime']);
  });
});
