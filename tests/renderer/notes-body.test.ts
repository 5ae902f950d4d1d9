import { describe, expect, it } from 'vitest'
import { emptyBody } from '@shared/domain/note-templates'
import { bodyFieldErrors, clockNow, deepMerge, formBody, issuesByPath, preDoseRows, shortHash, toNumberOrNull, warningsByPath, worstLevel } from '@renderer/features/notes/body'

describe('formBody', () => {
  it('fills every field of the template around what was stored', () => {
    const body = formBody('dosing', { medication: { drug: 'esketamine', doseMg: 56 }, vitals: [{ id: 'a', time: '09:00' }] })
    expect(body.medication).toMatchObject({ drug: 'esketamine', doseMg: 56, route: '', weightKg: null, lotNumber: '' })
    expect(body.vitals).toEqual([{ id: 'a', time: '09:00' }])
    expect(body.times).toEqual(emptyBody('dosing').times)
  })
  it('starts from the empty body for nothing stored', () => {
    expect(formBody('soap', {})).toEqual(emptyBody('soap'))
    expect(formBody('dap', null)).toEqual(emptyBody('dap'))
  })
  it('arrays and scalars replace; objects merge', () => {
    expect(deepMerge({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { d: 4 } })).toEqual({ a: [3], b: { c: 1, d: 4 } })
  })
})

describe('issuesByPath', () => {
  it('is empty for a blank draft', () => {
    expect(issuesByPath('dosing', emptyBody('dosing'))).toEqual({})
  })
  it('puts the time-order message beside the later time', () => {
    const body = { ...emptyBody('dosing'), times: { doseStart: '10:00', onset: '', peak: '', acuteEnd: '', discharge: '09:30' } }
    expect(issuesByPath('dosing', body)).toEqual({ 'times.discharge': 'Discharge must be after dose start' })
  })
  it('names an impossible vital by its row and field', () => {
    const body = { ...emptyBody('dosing'), vitals: [{ id: 'r1', time: '09:00', systolic: 500, diastolic: 80, heartRate: null, spo2: null, note: '' }] }
    expect(issuesByPath('dosing', body)).toEqual({ 'vitals.0.systolic': 'Systolic must be between 40 and 300 mmHg' })
  })
})

describe('small helpers', () => {
  it('bodyFieldErrors keeps body.* paths without the prefix', () => {
    expect(bodyFieldErrors({ 'body.vitals.2.systolic': 'x', 'body.times.discharge': 'y', revision: 'z' })).toEqual({ 'vitals.2.systolic': 'x', 'times.discharge': 'y' })
  })
  it('toNumberOrNull', () => {
    expect(toNumberOrNull('')).toBeNull()
    expect(toNumberOrNull(null)).toBeNull()
    expect(toNumberOrNull('12.5')).toBe(12.5)
    expect(toNumberOrNull('abc')).toBeNull()
    expect(toNumberOrNull(7)).toBe(7)
  })
  it('clockNow pads to HH:MM', () => {
    expect(clockNow(new Date(2026, 2, 8, 9, 5))).toBe('09:05')
    expect(clockNow(new Date(2026, 2, 8, 14, 30))).toBe('14:30')
  })
  it('preDoseRows: at or before dose start, else the earliest reading', () => {
    const rows = [{ time: '09:50' }, { time: '10:00' }, { time: '10:40' }]
    expect(preDoseRows(rows, '10:00')).toEqual([true, true, false])
    expect(preDoseRows(rows, '')).toEqual([true, false, false])
    expect(preDoseRows([{ time: '' }, { time: '11:00' }], null)).toEqual([false, true])
  })
  it('warningsByPath and worstLevel', () => {
    const grouped = warningsByPath([
      { level: 'caution', path: 'vitals.0.systolic', message: 'a' },
      { level: 'alert', path: 'vitals.0.systolic', message: 'b' }
    ])
    expect(grouped['vitals.0.systolic']).toHaveLength(2)
    expect(worstLevel(grouped['vitals.0.systolic'])).toBe('alert')
    expect(worstLevel([])).toBeNull()
  })
  it('shortHash groups the first 12 hex characters', () => {
    expect(shortHash('3f9a1c2b7d4e99aa')).toBe('3f9a 1c2b 7d4e')
    expect(shortHash(null)).toBe('')
  })
})
