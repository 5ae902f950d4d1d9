import { FileKey2 } from 'lucide-react'
import { AuthLayout } from './AuthLayout'
import { RecoverForm } from './RecoverForm'

/**
 * The practice's records are encrypted but keyring.json (which holds every passphrase's key slot)
 * is gone: only the recovery key opens them. Says so plainly, then asks for it.
 */
export function KeyringMissingScreen() {
  return (
    <AuthLayout
      title="The key file is missing"
      icon={<FileKey2 />}
      intro={
        <>
          <p>
            KAP Practice found the practice’s encrypted records, but not the key file that unlocks them (<span className="font-mono text-[13px]">keyring.json</span>{' '}
            in the data folder). This can happen when the data folder is copied or restored without it.{' '}
            <strong className="font-medium text-ink">Your records have not been changed.</strong>
          </p>
          <p>Enter the recovery key shown when the practice was set up, with the owner’s user name, and choose a new passphrase.</p>
        </>
      }
    >
      <RecoverForm submitLabel="Unlock the records" />
    </AuthLayout>
  )
}
