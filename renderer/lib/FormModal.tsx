// The dialog for typing data in: its body scrolls while the title and the 保存 footer stay in view (1366×768), and
// closing it with unsaved changes (Esc, ×, a click outside, 取消) asks “放弃未保存的内容？” first.
import { testId } from './test-id';
import { useCallback, useRef } from 'react';
import { App as AntApp, Modal, type ModalProps } from 'antd';

export const DISCARD_QUESTION = '放弃未保存的内容？';

/** The scrolling body of a long dialog: what is left of the window once its top, title and footer are placed. */
export const SCROLLING_BODY = { maxHeight: 'calc(100vh - 210px)', overflowY: 'auto', overflowX: 'hidden' } as const;

/** A close that asks first when `isDirty()` says something was typed; an untouched form closes at once. */
export function useDiscardGuard(isDirty: () => boolean, close: () => void): () => void {
  const { modal } = AntApp.useApp();
  const asking = useRef(false);
  return useCallback(() => {
    if (!isDirty()) {
      close();
      return;
    }
    if (asking.current) return; // a second Esc while the question is open
    asking.current = true;
    modal.confirm({
      title: DISCARD_QUESTION,
      content: '已填写的内容尚未保存，关闭后将丢失。',
      okText: '放弃',
      okButtonProps: { danger: true, ...testId('discard-confirm') },
      cancelText: '继续填写',
      onOk: close,
      afterClose: () => {
        asking.current = false;
      },
    });
  }, [isDirty, close, modal]);
}

type FormModalProps = Omit<ModalProps, 'onCancel' | 'styles'> & {
  /** True when closing would lose something the user typed or chose. */
  dirty: () => boolean;
  onCancel: () => void;
};

export function FormModal({ dirty, onCancel, style, ...props }: FormModalProps) {
  const requestClose = useDiscardGuard(dirty, onCancel);
  return <Modal style={{ top: 24, ...style }} styles={{ body: SCROLLING_BODY }} {...props} onCancel={requestClose} />;
}

/** The same scrolling body and fixed footer for long dialogs that are not forms (previews, imports, print options). */
export const LONG_DIALOG = { style: { top: 24 }, styles: { body: SCROLLING_BODY } } as const;
