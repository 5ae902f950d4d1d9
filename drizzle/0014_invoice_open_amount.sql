ALTER TABLE `invoices` ADD `open_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every issued invoice's open amount from its rows (as the billing repository's REFRESH_ALL_OPEN_SQL).
UPDATE invoices AS i SET open_cents = (i.total_cents
  - coalesce((SELECT sum(a.amount_cents) FROM adjustments a WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0)
  - coalesce((SELECT sum(l.amount_cents) FROM allocations l WHERE l.invoice_id = i.id AND l.voided_at IS NULL), 0))
  WHERE i.status = 'issued';
