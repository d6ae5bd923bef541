// A page's title line with its actions on the right.
import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

export function PageHeader({ title, description, extra }: { title: string; description?: string; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
      </div>
      <div>{extra}</div>
    </Flex>
  );
}
