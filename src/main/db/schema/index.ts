export * from './practice'
export * from './clients'
export * from './chart'
export * from './audit'
