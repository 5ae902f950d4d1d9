/**
 * electron-builder afterPack: flips Electron's fuses in the packed binary before it is signed
 * and wrapped into an installer. Fuses are baked into the executable, so a copied app cannot
 * turn them back on with flags or environment variables.
 */
const { join } = require('node:path')

/** `@electron/fuses` enum values by name, so this file (and its test) need not load the package. */
const fuses = {
  // ELECTRON_RUN_AS_NODE would make the app a general-purpose Node.js with the app's signature.
  RunAsNode: false,
  EnableCookieEncryption: true,
  // NODE_OPTIONS and --inspect would let anyone run code inside the process that holds the key.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // Only the signed, integrity-checked app.asar is loaded: a swapped app folder is refused.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // The renderer is served from app://; file:// needs none of its legacy extra privileges.
  GrantFileProtocolExtraPrivileges: false
}

/** The executable electron-builder just packed, per platform. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName)
  }
}

/** The config given to flipFuses, with the package's enum keys. */
function fuseConfig(FuseVersion, FuseV1Options, { arch } = {}) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: false }
  for (const [key, value] of Object.entries(fuses)) config[FuseV1Options[key]] = value
  // Flipping fuses invalidates an Apple Silicon ad-hoc signature; electron-builder signs afterwards.
  if (arch === 'arm64') config.resetAdHocDarwinSignature = true
  return config
}

async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')
  // electron-builder's Arch enum: 3 is arm64.
  const arch = context.arch === 3 ? 'arm64' : 'other'
  await flipFuses(electronBinary(context), fuseConfig(FuseVersion, FuseV1Options, { arch: context.electronPlatformName === 'darwin' ? arch : undefined }))
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.fuses = fuses
module.exports.fuseConfig = fuseConfig
module.exports.electronBinary = electronBinary
