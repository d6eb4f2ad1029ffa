import { channelMessageLink } from '../../lib/teams-links';
import type { Queryable } from '../db';
import { sentPostLocation } from './store';

/** A Teams deep link to the channel post queued under this key; undefined while it is not sent yet. */
export async function channelPostLink(q: Queryable, postKey: string): Promise<string | undefined> {
  const post = await sentPostLocation(q, postKey);
  if (!post) return undefined;
  return channelMessageLink({ channelId: post.channel_id, messageId: post.message_id, tenantId: post.tenant_id ?? undefined, groupId: post.group_id ?? undefined });
}
