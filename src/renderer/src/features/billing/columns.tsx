import type { UnbilledRow } from '@shared/contracts/billing'
import { dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { chargeColumns } from './BillingTab'

export { invoiceBadge, money } from './BillingTab'

const col = dataTableColumnHelper<UnbilledRow>()
/** The chart's charge columns with the client's name first, for the practice-wide lists. */
export const chartColumnsWithClient: DataTableColumn<UnbilledRow>[] = [col.accessor('clientName', { header: 'Client' }), ...(chargeColumns as DataTableColumn<UnbilledRow>[])]
