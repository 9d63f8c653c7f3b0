import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity.js';

export interface NewNotification {
  person_id: string;
  recipient: string;
  kind: string;
  event_id: string;
  task_id: string | null;
  title: string;
  body: string;
  link: string | null;
}

/** The only code that reads and writes `notifications`. */
@Injectable()
export class NotificationsRepository {
  async insert(m: EntityManager, rows: NewNotification[], at: Date): Promise<void> {
    if (!rows.length) return;
    await m.query(
      `INSERT INTO notifications (person_id, recipient, kind, event_id, task_id, title, body, link, created_at)
       SELECT r.*, $2::timestamptz FROM jsonb_to_recordset($1::jsonb)
         AS r(person_id text, recipient text, kind text, event_id uuid, task_id uuid, title text, body text, link text)
       ON CONFLICT (event_id, person_id) DO NOTHING`,
      [JSON.stringify(rows), at],
    );
  }

  list(m: EntityManager, recipient: string, unread: boolean | undefined, limit: number, offset: number): Promise<[NotificationEntity[], number]> {
    const qb = m.getRepository(NotificationEntity).createQueryBuilder('n').where('n.recipient = :recipient', { recipient });
    if (unread === true) qb.andWhere('n.read_at IS NULL');
    if (unread === false) qb.andWhere('n.read_at IS NOT NULL');
    return qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').take(limit).skip(offset).getManyAndCount();
  }

  /** Marks one of the recipient's notifications read (keeping the first time); undefined when it is not theirs. */
  async markRead(m: EntityManager, recipient: string, id: string, at: Date): Promise<NotificationEntity | undefined> {
    const repo = m.getRepository(NotificationEntity);
    const found = await repo.findOneBy({ id, recipient });
    if (!found) return undefined;
    if (!found.readAt) {
      await repo.update({ id }, { readAt: at });
      found.readAt = at;
    }
    return found;
  }

  async markAllRead(m: EntityManager, recipient: string, at: Date): Promise<number> {
    const rows = (await m.query(`UPDATE notifications SET read_at = $2 WHERE recipient = $1 AND read_at IS NULL RETURNING id`, [recipient, at])) as [
      unknown[],
      number,
    ];
    return rows[1];
  }
}
