/**
 * Teams deep links. A link to a channel message opens Teams at that post (desktop, web and mobile):
 * https://teams.microsoft.com/l/message/<channelId>/<messageId>?tenantId=…&groupId=…&parentMessageId=…&createdTime=…
 * (the same shape Microsoft Graph returns as a channel message's webUrl). A post the bot starts is
 * the root of its thread, so it is its own parent; a channel message id is its creation time in ms.
 */
export interface ChannelPost {
  /** The channel's conversation id, e.g. 19:…@thread.tacv2 (a thread suffix ";messageid=…" is dropped). */
  channelId: string;
  /** The post's activity id as the Bot Connector returned it. */
  messageId: string;
  tenantId?: string;
  /** The team's Microsoft 365 group id (channelData.team.aadGroupId), when known. */
  groupId?: string;
}

export function channelMessageLink(post: ChannelPost): string {
  const channelId = post.channelId.split(';')[0]!;
  const params = new URLSearchParams();
  if (post.tenantId) params.set('tenantId', post.tenantId);
  if (post.groupId) params.set('groupId', post.groupId);
  params.set('parentMessageId', post.messageId);
  if (/^\d+$/.test(post.messageId)) params.set('createdTime', post.messageId);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(post.messageId)}?${params.toString()}`;
}
