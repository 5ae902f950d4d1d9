/** The design system. Import from '@renderer/components'. */
export { Button, buttonClasses, type ButtonProps, type ButtonVariant } from './Button'
export { Spinner } from './Spinner'
export {
  TextField,
  TextareaField,
  SelectField,
  DateField,
  RadioGroupField,
  FieldLabel,
  FieldMessage,
  FieldHint,
  RequiredMark,
  type SelectOption,
  type TextFieldProps,
  type TextareaFieldProps,
  type SelectFieldProps,
  type RadioGroupFieldProps
} from './fields'
export { FormError, ErrorState, EmptyState, Skeleton, LoadingRows, LoadingAnnouncement } from './feedback'
export { Badge, StatusBadge, type BadgeTone } from './Badge'
export { PageHeader } from './PageHeader'
export { Dialog, ConfirmDialog, type DialogProps, type ConfirmDialogProps } from './Dialog'
export { ErrorBoundary } from './ErrorBoundary'
export {
  DataTable,
  dataTableFeatures,
  dataTableColumnHelper,
  type DataTableColumn,
  type DataTableColumnMeta,
  type DataTableFeatures,
  type DataTableProps,
  type SortingState
} from './DataTable'
export { FormSection, FormActions, RequiredLegend } from './FormLayout'
export { JobProgress } from './JobProgress'
