// The window's entry: antd in Chinese with the office font stack, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import './styles.css';
import { App } from './App';
import { PRINT_ROUTE_PREFIX, PrintRoute } from './pages/print/PrintRoute';

dayjs.locale('zh-cn');

const FONT_STACK =
  "'Microsoft YaHei', '微软雅黑', 'Source Han Sans SC', '思源黑体', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'SimSun', '宋体', sans-serif";

// The print window loads the same page at #/print/<jobId>: only the print view, no app chrome.
const printJob = location.hash.startsWith(PRINT_ROUTE_PREFIX) ? location.hash.slice(PRINT_ROUTE_PREFIX.length) : null;

createRoot(document.getElementById('root')!).render(
  printJob ? (
    <PrintRoute jobId={printJob} />
  ) : (
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', fontFamily: FONT_STACK, borderRadius: 4 } }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>
  ),
);
