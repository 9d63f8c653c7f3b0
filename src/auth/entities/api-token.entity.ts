import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TokenSource = 'bootstrap' | 'api' | 'cli';

/** A bearer token. Only the SHA-256 of the secret is stored; the secret is shown once. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  subject: string;

  @Column('text', { array: true })
  roles: string[];

  @Column('text', { name: 'token_hash', unique: true, select: false })
  tokenHash: string;

  /** The first characters of the secret, so an operator can tell tokens apart. */
  @Column('text')
  prefix: string;

  @Column('text')
  source: TokenSource;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  /** After this the token no longer authenticates; null: until revoked. */
  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;
}
