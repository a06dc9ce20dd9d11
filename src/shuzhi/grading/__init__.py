"""Data classification and grading (数据分类分级): level schemes and column rules as versioned data.

``shuzhi.grading.templates`` loads the schemes (GB/T 43697 general, provincial public data,
MIIT industrial, JR/T 0197 financial), the per-entity personal-information overlay and the
level mappings between schemes.
"""
