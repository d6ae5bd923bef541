// The .lrmx import's first step: pick files or a folder; shows the reading spinner and a failed read.
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { FileTextOutlined, FolderOpenOutlined } from '@ant-design/icons';
import type { LrmxLoad } from './lrmx-model';

export type LrmxPickPurpose = 'lrmx' | 'lrmxFolder';

export function LrmxPickStep({
  load,
  picking,
  onChoose,
}: {
  load: LrmxLoad;
  picking: LrmxPickPurpose | null;
  onChoose: (purpose: LrmxPickPurpose) => void;
}) {
  return load.kind === 'reading' ? (
    <Flex vertical align="center" gap={12} style={{ padding: '56px 0' }} data-testid="lrmx-loading">
      <Spin size="large" />
      <Typography.Text>{`正在读取并检查 ${load.count} 个文件…`}</Typography.Text>
    </Flex>
  ) : (
    <Flex vertical align="center" gap={16} style={{ padding: '40px 0' }}>
      {load.kind === 'error' ? (
        <Alert
          type="error"
          showIcon
          title="无法读取所选文件"
          description={load.message}
          style={{ alignSelf: 'stretch' }}
          data-testid="lrmx-error"
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ maxWidth: 600, textAlign: 'center', margin: 0 }}>
        可一次选择多个干部任免审批表（.lrmx）文件，或选择一个文件夹导入其中全部的任免审批表。系统会先逐个检查并列出结果，您为每人确认单位后点击“开始导入”才会写入档案库。
      </Typography.Paragraph>
      <Flex gap={12}>
        <Button
          type="primary"
          size="large"
          icon={<FileTextOutlined />}
          loading={picking === 'lrmx'}
          disabled={picking !== null}
          onClick={() => onChoose('lrmx')}
          data-testid="lrmx-pick-files"
        >
          选择文件…
        </Button>
        <Button
          size="large"
          icon={<FolderOpenOutlined />}
          loading={picking === 'lrmxFolder'}
          disabled={picking !== null}
          onClick={() => onChoose('lrmxFolder')}
          data-testid="lrmx-pick-folder"
        >
          选择文件夹…
        </Button>
      </Flex>
    </Flex>
  );
}
