-- The fee schedule a KAP practice starts with (all editable in Settings → Fees). Descriptions are our own words.
-- Dosing: 0820T × 3 units of $200 = $600, within the usual $400–$800 (the range is of a line's amount).
INSERT INTO `fee_items` (`id`, `code`, `modifiers`, `description`, `unit_fee_cents`, `min_fee_cents`, `max_fee_cents`, `archived_at`, `created_at`, `updated_at`) VALUES
  ('01900000-0000-7000-8000-000000000001', '90791', '', 'Intake: diagnostic evaluation', 30000, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01900000-0000-7000-8000-000000000002', '90837', '', 'Psychotherapy, 60 minutes (preparation, integration)', 20000, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01900000-0000-7000-8000-000000000003', '0820T', '', 'Psychedelic session monitoring, per hour', 20000, 40000, 80000, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01900000-0000-7000-8000-000000000004', 'X9001', '', 'Late cancellation fee', 10000, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('01900000-0000-7000-8000-000000000005', 'X9002', '', 'No-show fee', 10000, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
--> statement-breakpoint
INSERT INTO `fee_defaults` (`id`, `event`, `position`, `fee_item_id`, `units`) VALUES
  ('01900000-0000-7000-8000-000000000101', 'intake', 0, '01900000-0000-7000-8000-000000000001', 1),
  ('01900000-0000-7000-8000-000000000102', 'preparation', 0, '01900000-0000-7000-8000-000000000002', 1),
  ('01900000-0000-7000-8000-000000000103', 'dosing', 0, '01900000-0000-7000-8000-000000000003', 3),
  ('01900000-0000-7000-8000-000000000104', 'booster', 0, '01900000-0000-7000-8000-000000000003', 3),
  ('01900000-0000-7000-8000-000000000105', 'integration', 0, '01900000-0000-7000-8000-000000000002', 1),
  ('01900000-0000-7000-8000-000000000106', 'psychotherapy', 0, '01900000-0000-7000-8000-000000000002', 1),
  ('01900000-0000-7000-8000-000000000107', 'late_cancel', 0, '01900000-0000-7000-8000-000000000004', 1),
  ('01900000-0000-7000-8000-000000000108', 'no_show', 0, '01900000-0000-7000-8000-000000000005', 1);
--> statement-breakpoint
-- Ledger rows are never deleted (voids are marks on the row); these hold whatever path writes.
CREATE TRIGGER `charges_no_delete` BEFORE DELETE ON `charges`
BEGIN
  SELECT RAISE(ABORT, 'charges rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `adjustments_no_delete` BEFORE DELETE ON `adjustments`
BEGIN
  SELECT RAISE(ABORT, 'adjustments rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_no_delete` BEFORE DELETE ON `payments`
BEGIN
  SELECT RAISE(ABORT, 'payments rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `allocations_no_delete` BEFORE DELETE ON `allocations`
BEGIN
  SELECT RAISE(ABORT, 'allocations rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_no_delete` BEFORE DELETE ON `invoices`
BEGIN
  SELECT RAISE(ABORT, 'invoices rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_no_delete` BEFORE DELETE ON `invoice_lines`
BEGIN
  SELECT RAISE(ABORT, 'invoice lines rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_counters_no_delete` BEFORE DELETE ON `invoice_counters`
BEGIN
  SELECT RAISE(ABORT, 'invoice counters rows are never deleted');
END;
--> statement-breakpoint
-- An invoice line is what the invoice says: it never changes.
CREATE TRIGGER `invoice_lines_no_update` BEFORE UPDATE ON `invoice_lines`
BEGIN
  SELECT RAISE(ABORT, 'invoice lines never change');
END;
--> statement-breakpoint
-- A payment, refund or adjustment changes only by being voided.
CREATE TRIGGER `payments_amounts_fixed` BEFORE UPDATE ON `payments`
WHEN NEW.`client_id` IS NOT OLD.`client_id` OR NEW.`kind` IS NOT OLD.`kind` OR NEW.`received_on` IS NOT OLD.`received_on` OR NEW.`amount_cents` IS NOT OLD.`amount_cents` OR NEW.`method` IS NOT OLD.`method`
BEGIN
  SELECT RAISE(ABORT, 'payments change only by being voided');
END;
--> statement-breakpoint
CREATE TRIGGER `adjustments_amounts_fixed` BEFORE UPDATE ON `adjustments`
WHEN NEW.`client_id` IS NOT OLD.`client_id` OR NEW.`charge_id` IS NOT OLD.`charge_id` OR NEW.`kind` IS NOT OLD.`kind` OR NEW.`amount_cents` IS NOT OLD.`amount_cents` OR NEW.`date` IS NOT OLD.`date`
BEGIN
  SELECT RAISE(ABORT, 'adjustments change only by being voided');
END;
--> statement-breakpoint
CREATE TRIGGER `allocations_amounts_fixed` BEFORE UPDATE ON `allocations`
WHEN NEW.`payment_id` IS NOT OLD.`payment_id` OR NEW.`invoice_id` IS NOT OLD.`invoice_id` OR NEW.`charge_id` IS NOT OLD.`charge_id` OR NEW.`amount_cents` IS NOT OLD.`amount_cents`
BEGIN
  SELECT RAISE(ABORT, 'allocations change only by being voided');
END;
--> statement-breakpoint
-- A counter only moves forward: a number once taken is never handed out again.
CREATE TRIGGER `invoice_counters_forward` BEFORE UPDATE ON `invoice_counters`
WHEN NEW.`last` < OLD.`last` OR NEW.`year` IS NOT OLD.`year`
BEGIN
  SELECT RAISE(ABORT, 'invoice numbers are never reused');
END;
