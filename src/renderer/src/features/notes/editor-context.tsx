/**
 * What every field of the note editor needs besides react-hook-form's register: the message to
 * show beside it (the template schema's, or main's) and the warnings it raises (never blocking).
 */
import { createContext, useContext } from 'react'
import type { DosingWarning } from '@shared/domain/note-templates'

export interface NoteEditorContextValue {
  /** The error to show beside the field at this dotted path. */
  errorAt: (path: string) => string | undefined
  /** Warnings about the field at this dotted path (dosing notes). */
  warningsAt: (path: string) => DosingWarning[]
}

const NoteEditorContext = createContext<NoteEditorContextValue>({ errorAt: () => undefined, warningsAt: () => [] })

export const NoteEditorProvider = NoteEditorContext.Provider
export const useNoteEditor = () => useContext(NoteEditorContext)
