import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export interface ConfirmModalProps {
  visible: boolean;
  header: string;
  confirmText: string;
  children: ReactNode;
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmModal({ visible, header, confirmText, children, busy, confirmDisabled, onConfirm, onCancel, testId }: ConfirmModalProps) {
  return (
    <Modal
      visible={visible}
      header={header}
      onDismiss={onCancel}
      data-testid={testId}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={busy} disabled={confirmDisabled} onClick={onConfirm} data-testid="confirm-button">
              {confirmText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {children}
    </Modal>
  );
}
