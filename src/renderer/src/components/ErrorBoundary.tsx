import { Component, type ErrorInfo, type ReactNode } from 'react'
import { CircleAlert, Home, RotateCw } from 'lucide-react'
import { Button, buttonClasses } from './Button'

interface Props {
  children: ReactNode
  /** What this boundary protects, in words: "the client list", "this chart". */
  label?: string
  /** When this value changes (e.g. the location), a failed boundary tries again. */
  resetKey?: unknown
  /** Full-window variant for the top-level boundary. */
  fullscreen?: boolean
}
interface State {
  error: Error | null
  resetKey: unknown
}

/**
 * Never a white screen: shows what failed and a way back. Logs only the error's name and the
 * component stack position — never its message, which could carry client details.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { resetKey: props.resetKey, error: null }
    return null
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    const frame = info.componentStack?.split('\n').find((l) => l.trim())?.trim() ?? ''
    const component = /^(?:at\s+)?([\w$.]+)/.exec(frame)?.[1] ?? 'unknown component'
    console.error(`[ui] ${this.props.label ?? 'page'} failed to render: ${error.name} in ${component}`)
  }

  private reset = () => this.setState({ error: null })

  override render() {
    if (!this.state.error) return this.props.children
    const what = this.props.label ?? 'this page'
    return (
      <div role="alert" className={this.props.fullscreen ? 'flex h-full items-center justify-center p-8' : 'px-8 py-16'}>
        <div className="mx-auto flex max-w-md flex-col items-center text-center">
          <div className="mb-3 flex size-10 items-center justify-center rounded-full bg-red-50 text-red-600">
            <CircleAlert aria-hidden="true" className="size-5" />
          </div>
          <h1 className="text-base font-semibold text-ink">Something went wrong showing {what}</h1>
          <p className="mt-1 text-sm text-ink-soft">
            Nothing you saved was lost. Try again, or go back to the dashboard and open it from there.
          </p>
          <div className="mt-5 flex gap-2">
            <Button onClick={this.reset}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
            <a href="#/" onClick={this.reset} className={buttonClasses('primary')}>
              <Home aria-hidden="true" />
              Go to dashboard
            </a>
          </div>
        </div>
      </div>
    )
  }
}
