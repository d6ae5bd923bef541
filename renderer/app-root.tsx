// The main window's tree: antd in Chinese with the office font stack, then the app.
import { StrictMode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';

dayjs.locale('zh-cn');

const FONT_STACK =
  "'Microsoft YaHei', '微软雅黑', 'Source Han Sans SC', '思源黑体', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'SimSun', '宋体', sans-serif";

export function AppRoot() {
  return (
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        theme={{ token: { colorPrimary: '#b71c1c', fontFamily: FONT_STACK, borderRadius: 4 } }}
      >
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>
  );
}
