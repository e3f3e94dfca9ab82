import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import type { ApiError } from '../api/ApiError';
import { fieldProblems } from '../api/validation';

export const versionConflictCode = 'VERSION_CONFLICT';

export interface ApiErrorAlertProps {
  error: ApiError;
  header?: string;
  /** Offered when the API refused a stale version: loads what is stored now. */
  onReload?: () => void;
  testId?: string;
}

/**
 * A refused request inside a form or modal: the stable code and message, every field problem the API
 * listed with its own code, and for VERSION_CONFLICT a reload action instead of a dead end.
 */
export function ApiErrorAlert({ error, header, onReload, testId = 'form-error' }: ApiErrorAlertProps) {
  const conflict = error.code === versionConflictCode;
  // Request binding reports its one problem as both the error and details.field: list it once.
  const problems = fieldProblems(error).filter((p) => p.message !== error.message);
  return (
    <Alert
      type="error"
      data-testid={testId}
      header={header ?? (conflict ? 'Changed by someone else' : 'The request was refused')}
      action={
        conflict && onReload ? (
          <Button formAction="none" onClick={onReload} data-testid={`${testId}-reload`}>
            Reload latest
          </Button>
        ) : undefined
      }
    >
      <span>
        <strong>{error.code}</strong>: {error.message}
      </span>
      {conflict && onReload && <div>Reload to see what is stored now, then make your change again.</div>}
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>
              {p.field ? `${p.field}: ` : ''}
              <strong>{p.code}</strong>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
