// Opening 操作指引 from anywhere: the layout provides it; an empty page offers it to a first-time user.
import { createContext, useContext } from 'react';
import { Empty, Typography } from 'antd';

export const OpenHelpContext = createContext<(() => void) | null>(null);

/** An empty list's text with a link to 操作指引 (“第一次使用？”). */
export function EmptyWithHelp({ text }: { text: string }) {
  const openHelp = useContext(OpenHelpContext);
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{text}</div>
          {openHelp ? (
            <Typography.Link onClick={openHelp} data-testid="empty-help">
              第一次使用？查看操作指引
            </Typography.Link>
          ) : null}
        </>
      }
    />
  );
}
